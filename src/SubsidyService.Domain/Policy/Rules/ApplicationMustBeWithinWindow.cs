using SubsidyService.Domain.Kernel;
namespace SubsidyService.Domain.Policy;

/// <summary>
/// Applies only where the version sets a window; item 13 itself sets none. As with time limits in
/// procedure law, a last day that falls on a holiday or weekend moves to the next working day.
/// </summary>
public sealed class ApplicationMustBeWithinWindow : IEligibilityRule
{
    public string Clause => Item13.None;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier)
    {
        if (version.ApplicationWindowDays is not { } days)
            return null;

        var deadline = LastDay(facts.JudgmentEffectiveDate, days, ctx);
        return ctx.ApplicationDate <= deadline
            ? null
            : new Reason(
                ReasonCode.OutsideApplicationWindow,
                $"申请日期 {Invariant.Date(ctx.ApplicationDate)} 超过申请期限：判决生效日 {Invariant.Date(facts.JudgmentEffectiveDate)} 后 {days} 日内（截至 {Invariant.Date(deadline)}）");
    }

    /// <summary>The window's last day: N days after the judgment took effect, moved past any days off.</summary>
    public static DateOnly LastDay(DateOnly judgmentEffective, int days, EvaluationContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var deadline = judgmentEffective.AddDays(days);
        while (!ctx.WorkingDays.IsWorkingDay(deadline))
            deadline = deadline.AddDays(1);
        return deadline;
    }
}
