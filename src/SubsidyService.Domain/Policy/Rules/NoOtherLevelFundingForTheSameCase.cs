using SubsidyService.Domain.Kernel;
namespace SubsidyService.Domain.Policy;

public sealed class NoOtherLevelFundingForTheSameCase : IEligibilityRule
{
    public string Clause => Item13.NoDuplicateFunding;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier)
    {
        // A declared entry of 0.00 records that an application elsewhere came to nothing: not funding. Funding
        // of another kind (a patent-grant award) is not 同类项目 and excludes nothing.
        var declared = facts.OtherFunding.Where(f => f.Amount > 0m && f.Purpose == FundingPurpose.LitigationFee).ToList();
        if (declared.Count == 0 && !ctx.ConfirmedDuplicateFunding)
            return null;

        var parts = new List<string>();
        if (declared.Count > 0)
            parts.Add("申请人申报已获" + string.Join("、", declared.Select(f => $"{f.Level}{f.Source}资助 {Invariant.Money(f.Amount)} 元")));
        if (ctx.ConfirmedDuplicateFunding)
            parts.Add("审核人已确认外部资助名录中的同案记录");

        return new Reason(ReasonCode.DuplicateFunding, $"同一案件已获其他各级政府同类资助或奖励：{string.Join("；", parts)}");
    }
}
