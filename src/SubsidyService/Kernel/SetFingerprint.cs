using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SubsidyService.Kernel;

/// <summary>
/// What a confirmation page showed, in a form its confirm button carries back: SHA-256 over each claim's id,
/// version and amount in id order. A claim added, dropped, changed or re-amounted since the page was drawn gives
/// another fingerprint, and the confirmation is refused rather than acting on something nobody looked at.
/// </summary>
public static class SetFingerprint
{
    public static string Of(IEnumerable<(Guid Id, int Version, decimal Amount)> items)
    {
        var text = new StringBuilder();
        foreach (var (id, version, amount) in items.OrderBy(i => i.Id))
            text.Append(id.ToString("N")).Append(':').Append(version.ToString(CultureInfo.InvariantCulture))
                .Append(':').Append(amount.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    /// <summary>Compared in constant time; a missing or malformed value never matches.</summary>
    public static bool Matches(string? shown, string now) =>
        shown is { Length: 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(shown.ToLowerInvariant()), Encoding.ASCII.GetBytes(now));
}
