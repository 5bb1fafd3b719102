using System.Text;

namespace SubsidyService.Domain.Screening;

/// <summary>
/// A Chinese patent (application) number: 8 digits (before 2003) or 12 digits, then a check character, written
/// with or without the ZL prefix and the dot. The patents asserted identify a dispute across its instances,
/// whose case numbers share nothing, so they are compared in one canonical form: the digits and the check
/// character, nothing else (2020101234567).
/// </summary>
public static class PatentNumber
{
    /// <returns>The canonical form, or null when the text is not a patent number or its check character is wrong.</returns>
    public static string? Canonical(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || c == '.')
                continue;
            sb.Append(char.ToUpperInvariant(c));
        }

        var text = sb.ToString();
        if (text.StartsWith("ZL", StringComparison.Ordinal))
            text = text[2..];
        if (text.Length is not (9 or 13) || !text[..^1].All(char.IsAsciiDigit))
            return null;
        return text[^1] == CheckCharacter(text[..^1]) ? text : null;
    }

    /// <summary>Mod 11 of the digits weighted 2 to 9 repeating from the left; 10 is written X.</summary>
    public static char CheckCharacter(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length is not (8 or 12) || !digits.All(char.IsAsciiDigit))
            throw new ArgumentException("须为 8 或 12 位数字", nameof(digits));
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
            sum += (digits[i] - '0') * (2 + i % 8);
        var check = sum % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>As people read it: ZL202010123456.2.</summary>
    public static string Display(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return canonical.Length > 1 ? $"ZL{canonical[..^1]}.{canonical[^1]}" : canonical;
    }
}
