namespace SubsidyService.Domain.Claims;

public static class ClaimStatusGroups
{
    /// <summary>
    /// A live claim counts for duplicate screening: submitted and not rejected or withdrawn. A draft blocks
    /// nobody, or anyone could squat a company's case with one.
    /// </summary>
    public static bool IsLive(ClaimStatus s) => s is not (ClaimStatus.Draft or ClaimStatus.Rejected or ClaimStatus.Withdrawn);
}
