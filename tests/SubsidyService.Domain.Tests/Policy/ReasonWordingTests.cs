using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>The words a refusal or a trace step gives the applicant, which differ by who applies and what was found.</summary>
public class ReasonWordingTests
{
    private static Reason Only(Evaluation e, ReasonCode code) => e.Reasons.Should().ContainSingle(r => r.Code == code).Subject;

    [Fact]
    public void A_person_outside_the_county_is_told_of_the_household_registration() =>
        Only(Facts.Evaluate(Facts.Eligible() with { DomicileInCounty = false }), ReasonCode.NotDomiciled)
            .Message.Should().Be("申请人户籍地不在本县");

    [Fact]
    public void A_company_outside_the_county_is_told_of_the_registered_address() =>
        Only(Facts.Evaluate(Facts.Eligible(ApplicantType.Enterprise) with { DomicileInCounty = false }), ReasonCode.NotDomiciled)
            .Message.Should().Be("申请人注册地不在本县");

    [Fact]
    public void Declared_funding_is_named_with_its_level_source_and_amount() =>
        Only(Facts.Evaluate(Facts.Eligible() with { OtherFunding = [new OtherFunding("知识产权局", "市级", 2_000m, null)] }), ReasonCode.DuplicateFunding)
            .Message.Should().Be("同一案件已获其他各级政府同类资助或奖励：申请人申报已获市级知识产权局资助 2000.00 元");

    [Fact]
    public void A_register_match_the_verifier_confirmed_is_named_alone() =>
        Only(Facts.Evaluate(Facts.Eligible(), Facts.Ctx with { ConfirmedDuplicateFunding = true }), ReasonCode.DuplicateFunding)
            .Message.Should().Be("同一案件已获其他各级政府同类资助或奖励：审核人已确认外部资助名录中的同案记录");

    [Fact]
    public void Declared_funding_and_a_confirmed_match_are_both_named() =>
        Only(Facts.Evaluate(Facts.Eligible() with { OtherFunding = [new OtherFunding("财政局", "省级", 500m, "X-1")] },
                Facts.Ctx with { ConfirmedDuplicateFunding = true }), ReasonCode.DuplicateFunding)
            .Message.Should().Be("同一案件已获其他各级政府同类资助或奖励：申请人申报已获省级财政局资助 500.00 元；审核人已确认外部资助名录中的同案记录");

    [Fact]
    public void A_fee_base_the_verifier_lowered_is_in_the_trace() =>
        Facts.Evaluate(Facts.Eligible(), Facts.Ctx with { FeeBaseLimit = 6_000m }).Trace
            .Should().Contain(s => s.Step == "维权代理费 8000.00 元，发票合计 8000.00 元，审核核定基数不超过 6000.00 元，取较小者为计算基数 6000.00 元");

    [Fact]
    public void Without_a_lowered_base_the_trace_does_not_mention_one() =>
        Facts.Evaluate(Facts.Eligible()).Trace
            .Should().Contain(s => s.Step == "维权代理费 8000.00 元，发票合计 8000.00 元，取较小者为计算基数 8000.00 元");

    [Fact]
    public void A_tier_without_a_cap_says_so_in_the_trace()
    {
        var uncapped = PolicyVersion.Default with { Caps = new Dictionary<Tier, decimal> { [Tier.LegalPerson] = 10_000m, [Tier.MajorOrForeign] = 50_000m } };
        PolicyEvaluator.Evaluate(Facts.Eligible(), uncapped, Facts.Ctx).Trace.Should().Contain(s => s.Step == "自然人档未设补助上限");
    }

    [Fact]
    public void Two_declared_fundings_are_listed_apart() =>
        Only(Facts.Evaluate(Facts.Eligible() with { OtherFunding = [new OtherFunding("知识产权局", "市级", 2_000m, null), new OtherFunding("科技局", "省级", 1_000m, null)] }), ReasonCode.DuplicateFunding)
            .Message.Should().Be("同一案件已获其他各级政府同类资助或奖励：申请人申报已获市级知识产权局资助 2000.00 元、省级科技局资助 1000.00 元");
}
