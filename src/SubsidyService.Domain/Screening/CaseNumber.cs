using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SubsidyService.Domain.Screening;

/// <summary>
/// 案号 in canonical form, so that the same case typed with full-width characters, another bracket
/// style, stray spaces, a 第 before the serial or the serial's leading zeros is recognised as one case by
/// duplicate screening: an applicant who spells one case three ways must not be paid three times.
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
        return Reformat(Rewrite(once.Normalize(NormalizationForm.FormKC)));
    }

    /// <summary>
    /// A case number of a court outside mainland China follows no one pattern, so it is compared as text
    /// with everything people vary removed: width, whitespace, punctuation and letter case.
    /// </summary>
    public static string ForeignCanonical(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var text = s;
        // Each pass can expose a new composition or case mapping; two reach a fixed point for real input,
        // and the loop makes idempotence hold for any.
        for (var i = 0; i < 4; i++)
        {
            var sb = new StringBuilder(text.Length);
            foreach (var c in text.Normalize(NormalizationForm.FormKC))
            {
                if (char.IsWhiteSpace(c) || IsInvisible(c) || char.IsPunctuation(c) || char.IsSymbol(c))
                    continue;
                sb.Append(char.ToUpperInvariant(c));
            }
            var next = sb.ToString().Normalize(NormalizationForm.FormKC);
            if (next == text)
                break;
            text = next;
        }
        return text;
    }

    /// <summary>
    /// The canonical form of a number of either kind: parsed when it parses (a foreign case's earlier instance may
    /// have been heard at home), free-form otherwise when the court is abroad.
    /// </summary>
    public static string Canonical(string s, bool foreignCourt) =>
        foreignCourt && !IsMainland(s) ? ForeignCanonical(s) : Canonical(s);

    /// <summary>True when the number parses as a mainland case number (year, court, case type, serial).</summary>
    public static bool IsMainland(string s) => TryParse(s) is not null;

    /// <summary>A parsed number written back without 第 and without the serial's leading zeros; anything else unchanged.</summary>
    private static string Reformat(string rewritten)
    {
        var match = Pattern().Match(rewritten);
        if (!match.Success)
            return rewritten;
        var serial = match.Groups["seq"].Value.TrimStart('0');
        return $"({match.Groups["year"].Value}){match.Groups["court"].Value}{match.Groups["type"].Value}{(serial.Length == 0 ? "0" : serial)}号";
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
            match.Groups["seq"].Value.TrimStart('0') is { Length: > 0 } serial ? serial : "0");
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
        if (!s.IsNormalized(NormalizationForm.FormKC))
            return false;
        // The pattern runs only on text that could hold a 第 or a leading zero; the rest needs no regex.
        return !(s.Contains('第', StringComparison.Ordinal) || s.Contains('0', StringComparison.Ordinal)) || Reformat(s) == s;
    }

    /// <summary>Zero-width spaces and byte-order marks pasted from documents are spaces in all but name.</summary>
    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    // Court: 最高法, or a province abbreviation with the court's digits (浙02, 京73, 沪0115).
    // Type: the case-type characters (民初, 知民终, 行初). Sequence: an optional 第, digits, then 号.
    [GeneratedRegex(@"^\((?<year>\d{4})\)(?<court>最高法|\p{IsCJKUnifiedIdeographs}[0-9]*)(?<type>\p{IsCJKUnifiedIdeographs}+?)第?(?<seq>[0-9]+)号$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
