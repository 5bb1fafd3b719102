namespace SubsidyService.Domain.Policy;

/// <summary>
/// Item 13 pays the 维权请求人, who asserted the right. A defendant who won (no infringement found)
/// defended against a claim and is not one, however the case ended.
/// </summary>
public sealed class ClaimantMustBeTheRightsHolder : IEligibilityRule
{
    public string Clause => Item13.WinningClaimant;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier) =>
        facts.PartyRole == PartyRole.Plaintiff
            ? null
            : new Reason(ReasonCode.NotRightsHolder, "申请人在本案中为被告，不是维权请求人（原告或请求人），不属于补助对象");
}
