namespace SubsidyService.Domain.Policy;

/// <summary>POLICY.md §Tier: which cap bracket, if any, covers the applicant's case.</summary>
public static class TierRule
{
    public static Tier? Determine(ClaimFacts facts, PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(version);

        // Only enterprises and institutions reach the higher bracket; a natural person's
        // foreign-related patent case stays in the natural-person bracket.
        var isLegalPerson = facts.ApplicantType is ApplicantType.Enterprise or ApplicantType.Institution;
        if (isLegalPerson && (facts.ForeignRelated || facts.MajorImpact) && version.MajorCaseTypes.Contains(facts.CaseType))
            return Tier.MajorOrForeign;

        if (version.RegularCaseTypes.Contains(facts.CaseType))
            return isLegalPerson ? Tier.LegalPerson : Tier.NaturalPerson;

        return null;
    }
}
