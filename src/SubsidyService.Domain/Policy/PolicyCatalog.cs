namespace SubsidyService.Domain.Policy;

public static class PolicyCatalog
{
    /// <summary>
    /// The version in force on the judgment date. Versions are meant not to overlap (see
    /// <see cref="PolicyVersion.CheckNoOverlap"/>); if they do, the latest-starting one wins so the answer is stable.
    /// </summary>
    public static PolicyVersion? InForce(IEnumerable<PolicyVersion> versions, DateOnly judgmentDate)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions
            .Where(v => v.IsInForceOn(judgmentDate))
            .OrderByDescending(v => v.EffectiveFrom)
            .ThenBy(v => v.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}
