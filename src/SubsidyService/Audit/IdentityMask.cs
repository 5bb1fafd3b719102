using System.Text.RegularExpressions;
using SubsidyService.Domain.Identity;

namespace SubsidyService.Audit;

/// <summary>
/// What the auditors' export hides unless the full form is asked for: resident ID numbers and credit codes
/// (only those whose check character holds, so hashes, fingerprints and case numbers pass untouched) and runs of
/// 16–19 digits, the length of a bank card or account number. Events written before the log stopped keeping clear
/// identities, and reasons staff typed freely, may still carry them.
/// </summary>
public static partial class IdentityMask
{
    public static string? Apply(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var masked = EighteenCharacters().Replace(text, m =>
            ResidentIdNumber.IsValid(m.Value) || UnifiedSocialCreditCode.IsValid(m.Value.ToUpperInvariant()) ? Masking.KeepEnds(m.Value) : m.Value);
        return AccountLikeDigits().Replace(masked, m => Masking.KeepEnds(m.Value));
    }

    // Bounded by anything that is not a letter or digit, so a piece of a longer hash never matches.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])")]
    private static partial Regex EighteenCharacters();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{16,19}(?![0-9A-Za-z])")]
    private static partial Regex AccountLikeDigits();
}
