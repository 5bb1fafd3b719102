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
}
