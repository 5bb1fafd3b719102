using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

public class TraceTests
{
    [Fact]
    public void An_eligible_claim_traces_tier_fee_base_rate_and_cap_in_order()
    {
        var e = Facts.Evaluate(Facts.Eligible(fee: 12_000.00m));
        e.Trace.Should().HaveCount(4);
        e.Trace[0].Step.Should().Contain("自然人档").And.Contain("2023年版（第十三项）").And.NotContain("2023-item13");
        e.Trace[0].Clause.Should().Be(Item13.WinningClaimant);
        e.Trace[1].Step.Should().Contain("12000.00");
        e.Trace[2].Step.Should().Contain("50%").And.Contain("6000.00");
        e.Trace[2].Clause.Should().Be("按照维权代理费的50%给予补助");
        e.Trace[3].Step.Should().Contain("5000.00").And.Contain("超过上限");
        e.Trace[3].Clause.Should().Be("对自然人补助不超过5000元");
    }

    [Fact]
    public void Failed_rules_are_traced_after_the_reckoning_citing_their_clause()
    {
        var e = Facts.Evaluate(Facts.Eligible() with { OtherFunding = [new OtherFunding("省财政厅", "省级", 500m, null)] });
        e.Trace[^1].Clause.Should().Be("以上补助不与其他各级政府同类项目的资助或奖励重复发放");
        e.Trace[^1].Step.Should().Contain("500.00");
    }

    [Fact]
    public void Major_tier_cites_the_foreign_or_major_clause()
    {
        var e = Facts.Evaluate(Facts.Eligible(ApplicantType.Institution) with { MajorImpact = true });
        e.Trace[0].Clause.Should().Be(Item13.MajorOrForeign);
        e.Trace[3].Clause.Should().Be(Item13.MajorOrForeign);
    }

    [Fact]
    public void Every_clause_quotes_item_13_verbatim()
    {
        var clauses = PolicyEvaluator.Rules.Select(r => r.Clause)
            .Concat(Enum.GetValues<Tier>().Select(Item13.CapClause))
            .Append(Item13.Rate)
            .Where(c => c.Length > 0);
        foreach (var clause in clauses)
            Item13.SourceText.Should().Contain(clause);
    }
}
