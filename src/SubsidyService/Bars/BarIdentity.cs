using SubsidyService.Domain.Identity;

namespace SubsidyService.Bars;

/// <summary>How a barred identity is compared and shown: ID numbers and credit codes upper-cased and trimmed, shown masked.</summary>
public static class BarIdentity
{
    public static string Normalise(string idNumber) => idNumber.Trim().ToUpperInvariant();

    public static string Masked(string idNumber) => Masking.KeepEnds(idNumber);

    /// <summary>A resident ID number (GB 11643) or a unified social credit code (GB 32100), checksum verified.</summary>
    public static bool IsValid(string normalised) =>
        ResidentIdNumber.IsValid(normalised) || UnifiedSocialCreditCode.IsValid(normalised);
}
