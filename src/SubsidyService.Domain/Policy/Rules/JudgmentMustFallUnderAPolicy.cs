using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Policy;

/// <summary>
/// A judgment that took effect before the first policy version is answered, not refused: the applicant learns
/// why there is no subsidy. The caller evaluates it under the first version, which this rule then rules out.
/// </summary>
public sealed class JudgmentMustFallUnderAPolicy : IEligibilityRule
{
    public string Clause => Item13.None;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier) =>
        facts.JudgmentEffectiveDate >= version.EffectiveFrom
            ? null
            : new Reason(ReasonCode.NoPolicyInForce,
                $"判决生效日期 {Invariant.Date(facts.JudgmentEffectiveDate)} 早于补助政策施行日期 {Invariant.Date(version.EffectiveFrom)}，当时没有施行的补助政策");
}
