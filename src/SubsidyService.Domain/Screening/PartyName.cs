using System.Text;

namespace SubsidyService.Domain.Screening;

/// <summary>
/// A party's name as names are compared: an opponent of a dispute, or the holder of the account a subsidy is
/// paid to. Width, whitespace and the bracket style around a company's 分公司 or region (（杭州）/(杭州)) vary
/// with whoever typed the name; nothing else does.
/// </summary>
public static class PartyName
{
    private const string OpeningBrackets = "(（〔［【[〈﹝";
    private const string ClosingBrackets = ")）〕］】]〉﹞";

    public static string Normalise(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
                continue;
            sb.Append(OpeningBrackets.Contains(c) ? '(' : ClosingBrackets.Contains(c) ? ')' : char.ToUpperInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormKC);
    }

    public static bool Same(string a, string b) => string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);
}
