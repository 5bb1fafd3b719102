namespace SubsidyService.Domain.Tests.Identity;

/// <summary>
/// Straightforward re-implementations of the two checksums, written from the standards' tables rather
/// than from the production code, so a shared mistake would have to be made twice.
/// </summary>
internal static class IndependentCheck
{
    public const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    public static char UsccCheck(string first17)
    {
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var total = 0;
        for (var i = 0; i < 17; i++)
            total += UsccAlphabet.IndexOf(first17[i]) * weights[i];
        var c = 31 - total % 31;
        return UsccAlphabet[c == 31 ? 0 : c];
    }

    public static char ResidentCheck(string first17)
    {
        var total = 0;
        for (var i = 0; i < 17; i++)
        {
            // Weight of position i (from the left) is 2^(17-i) mod 11 per ISO 7064 MOD 11-2.
            var weight = (int)(Math.Pow(2, 17 - i) % 11);
            total += (first17[i] - '0') * weight;
        }

        var value = (12 - total % 11) % 11;
        return value == 10 ? 'X' : (char)('0' + value);
    }
}
