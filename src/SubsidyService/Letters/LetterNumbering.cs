namespace SubsidyService.Letters;

/// <summary>How letters are numbered: the authority's prefix, the year in 〔〕 and a four-digit serial (〔2026〕第0001号).</summary>
public sealed class LetterNumbering(IConfiguration config, Microsoft.Extensions.Options.IOptions<LetterOptions> options)
{
    public string Prefix { get; } = config["Authority:LetterPrefix"] is { Length: > 0 } p ? p : options.Value.NumberPrefix;

    public string Format(int year, int seq) => LetterNumbers.Format(Prefix, year, seq);
}
