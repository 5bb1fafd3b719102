using System.Globalization;
using System.Text.RegularExpressions;

namespace SubsidyService.Domain.Money;

/// <summary>An amount of renminbi in yuan. Always decimal: fen must add up exactly.</summary>
public readonly partial record struct Yuan(decimal Value) : IComparable<Yuan>
{
    public const decimal MaxAmount = 100_000_000.00m;

    public const string MoneyFormatError = "金额须为正数，最多两位小数，且不超过 100000000.00";

    public const string NonNegativeMoneyFormatError = "金额须为零或正数，最多两位小数，且不超过 100000000.00";

    public static Yuan Zero => new(0m);

    /// <summary>Half-up to one fen, the rounding the policy prescribes (banker's rounding would shave fen off applicants).</summary>
    public static Yuan Round(decimal value) => new(Math.Round(value, 2, MidpointRounding.AwayFromZero));

    public override string ToString() =>
        Math.Round(Value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Parses an API money string such as "5000.00": positive, at most two places, at most 100000000.00.</summary>
    public static bool TryParseMoney(string? text, out Yuan value, out string? error) =>
        TryParse(text, allowZero: false, out value, out error);

    /// <summary>As <see cref="TryParseMoney"/> but "0.00" is accepted: a declared other-level funding may be nil.</summary>
    public static bool TryParseNonNegativeMoney(string? text, out Yuan value, out string? error) =>
        TryParse(text, allowZero: true, out value, out error);

    private static bool TryParse(string? text, bool allowZero, out Yuan value, out string? error)
    {
        value = Zero;
        error = allowZero ? NonNegativeMoneyFormatError : MoneyFormatError;

        // The pattern bounds the integer part to nine digits, so decimal.Parse cannot overflow
        // and no culture, sign, exponent, separator or whitespace gets through.
        if (text is null || !MoneyPattern().IsMatch(text))
            return false;

        var parsed = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (parsed > MaxAmount || parsed < 0m || (parsed == 0m && !allowZero))
            return false;

        value = new Yuan(parsed);
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})(\.[0-9]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    public int CompareTo(Yuan other) => Value.CompareTo(other.Value);

    public static Yuan operator +(Yuan a, Yuan b) => new(a.Value + b.Value);

    public static Yuan operator -(Yuan a, Yuan b) => new(a.Value - b.Value);

    public static bool operator <(Yuan a, Yuan b) => a.Value < b.Value;

    public static bool operator >(Yuan a, Yuan b) => a.Value > b.Value;

    public static bool operator <=(Yuan a, Yuan b) => a.Value <= b.Value;

    public static bool operator >=(Yuan a, Yuan b) => a.Value >= b.Value;

    public static Yuan Min(Yuan a, Yuan b) => a <= b ? a : b;
}
