using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>The reckoning's words for the tier and the cap, and the refusals that name what the policy covers.</summary>
public class TraceWordingTests
{
    private static string CapStep(decimal fee) => Facts.Evaluate(Facts.Eligible(fee: fee)).Trace.Single(s => s.Step.Contains("补助上限")).Step;

    [Fact]
    public void Below_the_cap_the_amount_stands() =>
        CapStep(8_000m).Should().Be("自然人档补助上限 5000.00 元；按比例计算 4000.00 元未超过上限");

    [Fact]
    public void Exactly_at_the_cap_the_amount_stands() =>
        CapStep(10_000m).Should().Be("自然人档补助上限 5000.00 元；按比例计算 5000.00 元未超过上限");

    [Fact]
    public void Above_the_cap_the_cap_is_paid() =>
        CapStep(20_000m).Should().Be("自然人档补助上限 5000.00 元；按比例计算 10000.00 元超过上限，按上限 5000.00 元补助");

    [Fact]
    public void The_tier_step_names_the_facts_it_used() =>
        Facts.Evaluate(Facts.Eligible()).Trace[0].Step.Should().StartWith("依据2023年版（第十三项）：申请人为自然人，案件类型为专利侵权，涉外：")
            .And.EndWith("，适用自然人档");

    [Fact]
    public void A_major_case_names_its_tier() =>
        Facts.Evaluate(Facts.Eligible(ApplicantType.Enterprise) with { CaseType = CaseType.Trademark, MajorImpact = true }).Trace[0].Step
            .Should().EndWith("，适用涉外或重大影响档");

    [Fact]
    public void A_case_type_not_covered_has_no_tier_in_the_trace() =>
        Facts.Evaluate(Facts.Eligible() with { CaseType = CaseType.Trademark }).Trace[0].Step.Should().EndWith("，没有适用的补助档次");

    [Fact]
    public void A_case_type_not_covered_is_told_what_is() =>
        Facts.Evaluate(Facts.Eligible() with { CaseType = CaseType.Trademark }).Reasons.Single(r => r.Code == ReasonCode.CaseTypeNotCovered).Message
            .Should().Be("自然人的商标案件不在补助范围内：一般补助限于专利侵权案件，其他知识产权案件仅补助胜诉的涉外或具有重大影响案件中的企事业单位");

    [Fact]
    public void A_case_not_won_is_told_which_outcomes_count() =>
        Facts.Evaluate(Facts.Eligible() with { Outcome = CaseOutcome.Lost }).Reasons.Single(r => r.Code == ReasonCode.NotWon).Message
            .Should().Be("案件结果为“败诉”，不属于胜诉（须为胜诉、部分胜诉）");
}
