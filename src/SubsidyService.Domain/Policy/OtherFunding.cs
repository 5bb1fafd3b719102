namespace SubsidyService.Domain.Policy;

/// <summary>Funding for the same case declared by the applicant, from another level of government.</summary>
public sealed record OtherFunding(string Source, string Level, decimal Amount, string? Reference, FundingPurpose Purpose = FundingPurpose.LitigationFee);

/// <summary>
/// Item 13 excludes only funding "of the same kind" (同类项目): money towards the litigation's costs. A
/// patent-grant award is funding of another kind, listed for the verifier but excluding nothing.
/// </summary>
public enum FundingPurpose
{
    LitigationFee,
    Other,
}
