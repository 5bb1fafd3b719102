namespace SubsidyService.Domain.Policy;

/// <summary>Applies only where the version sets a window; item 13 itself sets none.</summary>
public sealed class ApplicationMustBeWithinWindow : IEligibilityRule
{
    public string Clause => Item13.None;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier)
    {
        if (version.ApplicationWindowDays is not { } days)
            return null;

        var deadline = facts.JudgmentEffectiveDate.AddDays(days);
        return ctx.ApplicationDate <= deadline
            ? null
            : new Reason(
                ReasonCode.OutsideApplicationWindow,
                $"申请日期 {Invariant.Date(ctx.ApplicationDate)} 超过申请期限：判决生效日 {Invariant.Date(facts.JudgmentEffectiveDate)} 后 {days} 日内（截至 {Invariant.Date(deadline)}）");
    }
}
