namespace SubsidyService.Domain.Identity;

/// <summary>The 18-character unified social credit code of GB 32100-2015 for enterprises and institutions.</summary>
public static class UnifiedSocialCreditCode
{
    /// <summary>The code's alphabet: digits and capitals without I, O, S, V, Z, which are too easily misread.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// Capitals only: a lower-case letter is not in the standard's alphabet, and accepting it would let a
    /// one-character slip pass. Callers that want leniency upper-case first.
    /// </summary>
    public static bool IsValid(string? s)
    {
        if (s is null || s.Length != 18)
            return false;

        // Positions 3 to 8 are the administrative division code, always digits.
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(s[i], StringComparison.Ordinal);
            if (value < 0)
                return false;
            sum += value * Weights[i];
        }

        return s[17] == CheckCharacter(sum);
    }

    /// <summary>The check character for the first 17 characters; tests and fixtures build codes with it.</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17)
            throw new ArgumentException("须为 17 个字符", nameof(first17));

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
                throw new ArgumentException($"第 {i + 1} 位字符“{first17[i]}”不在代码字符集中", nameof(first17));
            sum += value * Weights[i];
        }

        return CheckCharacter(sum);
    }

    private static char CheckCharacter(int weightedSum) => Alphabet[(31 - weightedSum % 31) % 31];

    public static string Mask(string s) => Masking.KeepEnds(s);
}
