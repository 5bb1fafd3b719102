namespace SubsidyService.Domain.Claims;

public static class ClaimStatusGroups
{
    /// <summary>A live claim still counts for duplicate screening; rejected and withdrawn ones do not.</summary>
    public static bool IsLive(ClaimStatus s) => s is not (ClaimStatus.Rejected or ClaimStatus.Withdrawn);

    /// <summary>No trigger leads out of these (a paid claim's recovery keeps it paid).</summary>
    public static bool IsFinal(ClaimStatus s) => s is ClaimStatus.Paid or ClaimStatus.Rejected or ClaimStatus.Withdrawn;
}
