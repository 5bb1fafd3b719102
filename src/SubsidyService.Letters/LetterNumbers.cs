using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
    /// number and the code printed under the QR: numbers are sequential, and a number alone reveals nothing.
    /// </summary>
    public static string VerificationUrl(string baseUrl, string number, string? code = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var url = $"{baseUrl.TrimEnd('/')}/Letters/Verify?number={Uri.EscapeDataString(number)}";
        return code is null ? url : url + "&code=" + Uri.EscapeDataString(code);
    }

    /// <summary>Crockford's base-32 digits: no I, L, O or U, so a code read off paper is typed right.</summary>
    private const string CodeDigits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// The verification code printed under a letter's QR code: 50 bits drawn from the letter's random id (so
    /// only a holder of the letter knows it), as two groups of five, e.g. 7K3QD-M9X2P.
    /// </summary>
    public static string VerificationCode(Guid letterId)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes("letter-verification-code:" + letterId.ToString("N")));
        var bits = BitConverter.ToUInt64(hash, 0);
        var code = new StringBuilder(11);
        for (var i = 0; i < 10; i++)
        {
            if (i == 5) code.Append('-');
            code.Append(CodeDigits[(int)(bits & 31)]);
            bits >>= 5;
        }
        return code.ToString();
    }

    /// <summary>A code as typed: case, spaces and dashes ignored, and the letters Crockford reads as digits (O, I, L) taken as them.</summary>
    public static string NormaliseCode(string code)
    {
        var s = new StringBuilder();
        foreach (var c in code.ToUpperInvariant())
        {
            if (c is '-' or ' ' or '\t') continue;
            s.Append(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        }
        return s.ToString();
    }
}
