using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SubsidyService.Domain.Screening;

/// <summary>
/// 案号 in canonical form, so that the same case typed with full-width characters, another bracket
/// style or stray spaces is recognised as one case by duplicate screening.
/// </summary>
public static partial class CaseNumber
{
    private const string OpeningBrackets = "(（〔［【[〈﹝⦅｟〖〘";
    private const string ClosingBrackets = ")）〕］】]〉﹞⦆｠〗〙";

    public static string Canonical(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        // Stored case numbers are canonical already; screening compares thousands of them, so they are
        // recognised without rewriting (and without allocating).
        if (IsCanonical(s))
            return s;
        var once = Rewrite(s.Normalize(NormalizationForm.FormKC));

        // Removing a space can bring a base letter next to a combining mark; normalising again
        // composes them, so that Canonical(Canonical(x)) == Canonical(x).
        return Rewrite(once.Normalize(NormalizationForm.FormKC));
    }

    public static CaseNumberParts? TryParse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var match = Pattern().Match(Canonical(s));
        if (!match.Success)
            return null;

        return new CaseNumberParts(
            int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture),
            match.Groups["court"].Value,
            match.Groups["type"].Value,
            match.Groups["seq"].Value);
    }

    private static string Rewrite(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || IsInvisible(c))
                continue;
            if (OpeningBrackets.Contains(c))
                sb.Append('(');
            else if (ClosingBrackets.Contains(c))
                sb.Append(')');
            else if (c is >= 'a' and <= 'z')
                sb.Append((char)(c - 'a' + 'A'));
            else
                sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>True when <see cref="Canonical"/> would return the text unchanged.</summary>
    public static bool IsCanonical(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || IsInvisible(c) || c is >= 'a' and <= 'z' ||
                (c is not '(' and not ')' && (OpeningBrackets.Contains(c) || ClosingBrackets.Contains(c))))
                return false;
        }
        return s.IsNormalized(NormalizationForm.FormKC);
    }

    /// <summary>Zero-width spaces and byte-order marks pasted from documents are spaces in all but name.</summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    // Court: 最高法, or a province abbreviation with the court's digits (浙02, 京73, 沪0115).
    // Type: the case-type characters (民初, 知民终, 行初). Sequence: digits, then 号.
    [GeneratedRegex(@"^\((?<year>\d{4})\)(?<court>最高法|\p{IsCJKUnifiedIdeographs}[0-9]*)(?<type>\p{IsCJKUnifiedIdeographs}+?)(?<seq>[0-9]+)号$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
