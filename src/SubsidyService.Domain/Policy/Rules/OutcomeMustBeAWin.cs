namespace SubsidyService.Domain.Policy;

public sealed class OutcomeMustBeAWin : IEligibilityRule
{
    public string Clause => Item13.WinningClaimant;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier)
    {
        if (version.WinningOutcomes.Contains(facts.Outcome))
            return null;

        var winning = string.Join("、", version.WinningOutcomes.Order().Select(ChineseNames.Of));
        return new Reason(ReasonCode.NotWon, $"案件结果为“{ChineseNames.Of(facts.Outcome)}”，不属于胜诉（须为{winning}）");
    }
}
