namespace SubsidyService.Letters;

/// <summary>How letters are numbered: the authority's prefix, the year in 〔〕 and a four-digit serial (〔2026〕第0001号).</summary>
public sealed class LetterNumbering(IConfiguration config)
{
    public string Prefix { get; } = config["Authority:LetterPrefix"] ?? "知补";

    public string Format(int year, int seq) => $"{Prefix}〔{year}〕第{seq:D4}号";
}
