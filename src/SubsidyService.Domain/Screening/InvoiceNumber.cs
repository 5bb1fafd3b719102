using System.Text;

namespace SubsidyService.Domain.Screening;

/// <summary>
/// Invoice numbers compare by their digits, however they were spaced or typed. A fully digital invoice
/// (全电发票) is known by its 20-digit number alone; an older VAT invoice numbers from 1 again under
/// every invoice code, so its 8-digit number means something only with its 10- or 12-digit code.
/// </summary>
public static class InvoiceNumber
{
    public const int MinDigits = 8;
    public const int MaxDigits = 20;

    /// <summary>The length of an older invoice's number, the one that needs a code.</summary>
    public const int CodedNumberDigits = 8;

    /// <summary>
    /// Code and number as one key. The hyphen keeps a 10-digit code with an 8-digit number apart from an
    /// 18-digit number that happens to have the same digits.
    /// </summary>
    public static string Identity(string? code, string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var digits = Digits(number);
        return code is null ? digits : Digits(code) + "-" + digits;
    }

    /// <summary>What marks a foreign invoice's identity; it holds no hyphen, so no Chinese identity can look like one.</summary>
    public const string ForeignPrefix = "FX:";

    /// <summary>
    /// A foreign invoice is numbered as its issuer pleases: the currency and the number's letters and digits
    /// (upper case, nothing else) identify it.
    /// </summary>
    public static string ForeignIdentity(string currency, string number)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(number);
        var kept = number.Normalize(NormalizationForm.FormKC).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray();
        return $"{ForeignPrefix}{currency.Trim().ToUpperInvariant()}:{new string(kept)}";
    }

    /// <summary>An identity as <see cref="Identity"/> writes it, however its parts were typed.</summary>
    public static string NormaliseIdentity(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.StartsWith(ForeignPrefix, StringComparison.Ordinal))
            return identity;
        var dash = identity.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? Digits(identity) : Identity(identity[..dash], identity[(dash + 1)..]);
    }

    /// <summary>An identity as people read it: 代码 3300194130 号码 12345678, or the number alone.</summary>
    public static string Describe(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.StartsWith(ForeignPrefix, StringComparison.Ordinal))
            return $"境外发票 {identity[ForeignPrefix.Length..].Replace(':', ' ')}";
        var dash = identity.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? identity : $"代码 {identity[..dash]} 号码 {identity[(dash + 1)..]}";
    }

    /// <summary>An invoice code: 10 or 12 digits and nothing else once the ends are trimmed.</summary>
    public static bool IsValidCode(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var trimmed = s.Normalize(NormalizationForm.FormKC).Trim();
        return trimmed.Length is 10 or 12 && trimmed.All(char.IsAsciiDigit);
    }

    /// <summary>True when the number is an older invoice's, which is identified only together with its code.</summary>
    public static bool NeedsCode(string number) => Digits(number).Length == CodedNumberDigits;

    /// <summary>The digits of the number, full-width ones included, in order.</summary>
    public static string Digits(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var normalised = s.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalised.Length);
        foreach (var c in normalised.Where(char.IsAsciiDigit))
            sb.Append(c);
        return sb.ToString();
    }

    /// <summary>8 to 20 digits and nothing else once the ends are trimmed.</summary>
    public static bool IsValid(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var trimmed = s.Normalize(NormalizationForm.FormKC).Trim();
        return trimmed.Length is >= MinDigits and <= MaxDigits && trimmed.All(char.IsAsciiDigit);
    }
}
