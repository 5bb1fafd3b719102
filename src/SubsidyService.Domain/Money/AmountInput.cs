using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SubsidyService.Domain.Money;

/// <summary>
/// An amount as a person types it into a form or a request: "8,000", "8000.5", full-width "８０００", "8000元",
/// "￥8,000.00 " all read as the same exact yuan. What cannot be read is refused with one of a few named
/// reasons, never guessed at: "8.000" (a European thousands dot) has three places after the point and is
/// refused rather than read as eight yuan, and "1,00" is no grouping of thousands. Files from banks and
/// registers keep the strict <see cref="Yuan.TryParseMoney"/>: a machine's file has one format.
/// </summary>
public static partial class AmountInput
{
    public const string TooManyPlaces = "小数点后最多两位";
    public const string NotPositive = "金额须大于零";
    public const string Negative = "金额不能为负数";
    public const string Malformed = "金额格式不正确";
    public const string TooLarge = "金额不能超过 100,000,000.00 元";

    /// <summary>Longer text is no amount anyone typed; it is refused before any pattern runs over it.</summary>
    public const int MaxLength = 64;

    /// <summary>Reads a positive amount (more than zero).</summary>
    public static bool TryParse(string? text, out Yuan value, out string? error) =>
        TryParse(text, allowZero: false, out value, out error);

    /// <summary>Reads an amount; with <paramref name="allowZero"/> "0" is an amount (a nil funding), otherwise refused.</summary>
    public static bool TryParse(string? text, bool allowZero, out Yuan value, out string? error)
    {
        value = Yuan.Zero;
        error = Malformed;
        if (text is null || text.Length > MaxLength)
            return false;

        var plain = Plain(text);
        var negative = plain.StartsWith('-');
        if (negative)
            plain = plain[1..];

        var match = Number().Match(plain);
        if (!match.Success)
            return false;

        var integer = match.Groups["int"].Value.Replace(",", "", StringComparison.Ordinal).TrimStart('0');
        var fraction = match.Groups["frac"].Value;
        var isZero = integer.Length == 0 && fraction.All(c => c == '0');

        if (negative && !isZero)
        {
            error = allowZero ? Negative : NotPositive;
            return false;
        }

        if (fraction.Length > 2)
        {
            error = TooManyPlaces;
            return false;
        }

        // Nine integer digits at most before parsing, so a hundred-digit string cannot overflow decimal.
        if (integer.Length > 9)
        {
            error = TooLarge;
            return false;
        }

        var parsed = decimal.Parse((integer.Length == 0 ? "0" : integer) + (fraction.Length > 0 ? "." + fraction : ""),
            NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (parsed > Yuan.MaxAmount)
        {
            error = TooLarge;
            return false;
        }

        if (parsed == 0m && !allowZero)
        {
            error = NotPositive;
            return false;
        }

        value = new Yuan(decimal.Round(parsed, 2));
        error = null;
        return true;
    }

    /// <summary>The amount in the API's own form ("8000.00"), or the text unchanged when it is no amount.</summary>
    public static string? Normalize(string? text, bool allowZero = false) =>
        TryParse(text, allowZero, out var value, out _) ? value.ToString() : text;

    /// <summary>
    /// Full-width digits and signs to ASCII, spaces of any kind trimmed, a leading ¥/￥/人民币 and a trailing 元
    /// (or 元整) taken off. Nothing else is changed: what is left must be digits, commas and one point.
    /// </summary>
    private static string Plain(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '，' => ',',
                '－' or '−' or '﹣' => '-',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => c,
            });
        }

        var s = sb.ToString().Trim();
        foreach (var prefix in (ReadOnlySpan<string>)["人民币", "¥", "￥"])
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                s = s[prefix.Length..].TrimStart();
                break;
            }
        }

        // A minus before the currency sign ("-¥5") is still a minus.
        if (s.StartsWith('-') && s.Length > 1 && (s[1] == '¥' || s[1] == '￥'))
            s = "-" + s[2..].TrimStart();

        foreach (var suffix in (ReadOnlySpan<string>)["元整", "元"])
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length].TrimEnd();
                break;
            }
        }

        return s;
    }

    /// <summary>Digits with commas only between groups of three ("8,000,000"), or digits alone; then a point and digits.</summary>
    [GeneratedRegex(@"^(?<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?<frac>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
