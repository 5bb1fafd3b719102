using System.Globalization;

namespace SubsidyService.Letters;

/// <summary>How a letter is numbered and found again.</summary>
public static class LetterNumbers
{
    /// <summary>发文字号: the prefix, the year in 六角括号 and the year's sequence in four digits, e.g. 县知补〔2026〕第0001号.</summary>
    public static string Format(string prefix, int year, int sequence)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix.Trim()}〔{year}〕第{sequence:D4}号");
    }

    /// <summary>
    /// What the QR code holds. The letter's SHA-256 cannot be inside the letter itself, so the link names the
    /// number only and the verification page shows the stored hash to compare with the copy in hand.
    /// </summary>
    public static string VerificationUrl(string baseUrl, string number)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        return $"{baseUrl.TrimEnd('/')}/Letters/Verify?number={Uri.EscapeDataString(number)}";
    }
}
