namespace SubsidyService.Policy;

/// <summary>
/// What the claims held under a version say about it. The Claims feature owns the claims and answers;
/// ending a version asks, so that no claim is left outside the version it was judged under.
/// </summary>
public interface IClaimsUnderPolicy
{
    /// <summary>The latest judgment-effective date among the claims held under the version; null when none is.</summary>
    Task<DateOnly?> LatestJudgmentDateAsync(string policyVersionId);

    /// <summary>How many claims (of any status) have a judgment-effective date from <paramref name="from"/> to <paramref name="to"/> (open-ended when null).</summary>
    Task<int> CountJudgedBetweenAsync(DateOnly from, DateOnly? to);
}
