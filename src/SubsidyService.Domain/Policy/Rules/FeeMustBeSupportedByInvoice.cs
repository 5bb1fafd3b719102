namespace SubsidyService.Domain.Policy;

public sealed class FeeMustBeSupportedByInvoice : IEligibilityRule
{
    public string Clause => Item13.AgencyFee;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier) =>
        PolicyEvaluator.InvoiceTotal(facts) > 0m
            ? null
            : new Reason(ReasonCode.NoInvoice, "没有发票支持所申报的维权代理费");
}
