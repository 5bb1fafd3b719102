namespace SubsidyService.Domain.Identity;

/// <summary>One masking rule for every identifier so that pages and logs look alike: first 3 and last 4 kept.</summary>
public static class Masking
{
    public const int KeptAtStart = 3;
    public const int KeptAtEnd = 4;

    public static string KeepEnds(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var trimmed = s.Trim().ToUpperInvariant();

        // Too short to show both ends without revealing nearly everything: hide it all.
        if (trimmed.Length <= KeptAtStart + KeptAtEnd)
            return new string('*', trimmed.Length);

        return string.Concat(
            trimmed.AsSpan(0, KeptAtStart),
            new string('*', trimmed.Length - KeptAtStart - KeptAtEnd),
            trimmed.AsSpan(trimmed.Length - KeptAtEnd));
    }

    /// <summary>
    /// A natural person's name as the public notice prints it: the surname (first character) kept, one *
    /// for each character after it (张明 → 张*, 欧阳明华 → 欧***). Characters are counted as the reader sees
    /// them, so a name with a character outside the BMP still gets one * for it.
    /// </summary>
    public static string PersonName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var info = new System.Globalization.StringInfo(trimmed);
        if (info.LengthInTextElements <= 1) return trimmed;
        return info.SubstringByTextElements(0, 1) + new string('*', info.LengthInTextElements - 1);
    }
}
