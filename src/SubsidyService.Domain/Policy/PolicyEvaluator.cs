using SubsidyService.Domain.Money;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Policy;

/// <summary>Applies one policy version to a claim's facts: tier, amount, every reason against, and a trace.</summary>
public static class PolicyEvaluator
{
    /// <summary>In the order reasons are reported.</summary>
    public static IReadOnlyList<IEligibilityRule> Rules { get; } =
    [
        new ApplicantMustBeDomiciledInCounty(),
        new OutcomeMustBeAWin(),
        new CaseTypeMustBeCovered(),
        new FeeMustBeSupportedByInvoice(),
        new NoOtherLevelFundingForTheSameCase(),
        new ApplicationMustBeWithinWindow(),
        new ClaimantMustBeTheRightsHolder(),
        new JudgmentMustFallUnderAPolicy(),
        new ApplicantTypeMustBeCovered(),
    ];

    public static Evaluation Evaluate(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(ctx);

        var trace = new List<TraceStep>();
        var tier = TierRule.Determine(facts, version);
        trace.Add(TierStep(facts, version, tier));

        var invoiceTotal = InvoiceTotal(facts);
        var feeBase = Math.Min(facts.AgencyFee, invoiceTotal);
        if (ctx.FeeBaseLimit is { } limit)
            feeBase = Math.Min(feeBase, limit);
        feeBase = Yuan.Round(Math.Max(feeBase, 0m)).Value;
        trace.Add(FeeBaseStep(facts.AgencyFee, invoiceTotal, ctx.FeeBaseLimit, feeBase));

        var uncapped = Yuan.Round(feeBase * version.Rate).Value;
        trace.Add(new TraceStep(
            $"计算基数 {Invariant.Money(feeBase)} 元 × 补助比例 {Invariant.Percent(version.Rate)} = {Invariant.Money(uncapped)} 元（四舍五入到分）",
            Item13.Rate));

        var cap = tier is { } t ? version.CapOf(t) : null;
        if (tier is { } capTier)
            trace.Add(CapStep(capTier, cap, uncapped));

        var reasons = new List<Reason>();
        foreach (var rule in Rules)
        {
            // Not a pattern (`is not { } reason`): Stryker cannot mutate a method whose flow assigns a local that way,
            // and drops every mutant of Evaluate as a compile error.
            var reason = rule.Check(facts, version, ctx, tier);
            if (reason is null)
                continue;
            reasons.Add(reason);
            trace.Add(new TraceStep($"不符合条件：{reason.Message}", rule.Clause));
        }

        var otherKind = facts.OtherFunding.Where(f => f.Purpose == FundingPurpose.Other).ToList();
        if (otherKind.Count > 0)
            trace.Add(new TraceStep(
                "申报的其他资助不属于维权费用的同类项目，不影响补助，列出供审核人核实：" +
                string.Join("、", otherKind.Select(f => $"{f.Level}{f.Source} {Invariant.Money(f.Amount)} 元")),
                Item13.NoDuplicateFunding));

        var eligible = reasons.Count == 0;
        var capApplied = eligible && cap is { } c && uncapped > c;
        var amount = !eligible ? 0.00m : capApplied ? cap!.Value : uncapped;

        return new Evaluation(eligible, tier, version.Rate, feeBase, uncapped, cap, amount, capApplied, reasons, trace, version.Id) { PolicyTitle = version.Title };
    }

    /// <summary>Each invoice once: the validator refuses a repeat, and facts stored before it did still count it once.</summary>
    public static decimal InvoiceTotal(ClaimFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Invoices.DistinctBy(i => i.Identity, StringComparer.Ordinal).Sum(i => i.Amount);
    }

    private static TraceStep TierStep(ClaimFacts facts, PolicyVersion version, Tier? tier)
    {
        var described = $"依据{version.Title}：申请人为{ChineseNames.Of(facts.ApplicantType)}，案件类型为{ChineseNames.Of(facts.CaseType)}，" +
                     $"涉外：{ChineseNames.YesNo(facts.ForeignRelated)}，重大影响：{ChineseNames.YesNo(facts.MajorImpact)}";
        return tier switch
        {
            Tier.MajorOrForeign => new TraceStep($"{described}，适用{ChineseNames.Of(Tier.MajorOrForeign)}", Item13.MajorOrForeign),
            { } regular => new TraceStep($"{described}，适用{ChineseNames.Of(regular)}", Item13.WinningClaimant),
            null => new TraceStep($"{described}，没有适用的补助档次", Item13.WinningClaimant),
        };
    }

    private static TraceStep FeeBaseStep(decimal agencyFee, decimal invoiceTotal, decimal? limit, decimal feeBase)
    {
        var text = $"维权代理费 {Invariant.Money(agencyFee)} 元，发票合计 {Invariant.Money(invoiceTotal)} 元";
        if (limit is { } l)
            text += $"，审核核定基数不超过 {Invariant.Money(l)} 元";
        return new TraceStep($"{text}，取较小者为计算基数 {Invariant.Money(feeBase)} 元", Item13.AgencyFee);
    }

    private static TraceStep CapStep(Tier tier, decimal? cap, decimal uncapped)
    {
        if (cap is not { } c)
            return new TraceStep($"{ChineseNames.Of(tier)}未设补助上限", Item13.CapClause(tier));

        var verdict = uncapped > c
            ? $"按比例计算 {Invariant.Money(uncapped)} 元超过上限，按上限 {Invariant.Money(c)} 元补助"
            : $"按比例计算 {Invariant.Money(uncapped)} 元未超过上限";
        return new TraceStep($"{ChineseNames.Of(tier)}补助上限 {Invariant.Money(c)} 元；{verdict}", Item13.CapClause(tier));
    }
}
