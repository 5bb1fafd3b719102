using System.Text;

namespace SubsidyService.Domain.Screening;

/// <summary>Invoice numbers compare by their digits, however they were spaced or typed.</summary>
public static class InvoiceNumber
{
    public const int MinDigits = 8;
    public const int MaxDigits = 20;

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
