using System.Globalization;

namespace SubsidyService.Domain.Identity;

/// <summary>The 18-character citizen identity number of GB 11643-1999.</summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    /// <summary>
    /// Checksum (ISO 7064 MOD 11-2) and a real birth date from 1900 on. The date cannot be in the
    /// future, but only a caller with a clock knows today, so that bound applies when <paramref name="today"/> is given.
    /// </summary>
    public static bool IsValid(string? s, DateOnly? today = null)
    {
        if (s is null || s.Length != 18)
            return false;

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return false;
            sum += (s[i] - '0') * Weights[i];
        }

        if (char.ToUpperInvariant(s[17]) != CheckCharacters[sum % 11])
            return false;

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return false;

        return birth >= EarliestBirthDate && (today is null || birth <= today.Value);
    }

    /// <summary>The check character for 17 digits; tests and fixtures build numbers with it.</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
            throw new ArgumentException("须为 17 位数字", nameof(first17));

        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    public static string Mask(string s) => Masking.KeepEnds(s);
}
