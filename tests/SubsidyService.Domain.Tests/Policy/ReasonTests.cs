using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

public class ReasonTests
{
    public static TheoryData<string, ReasonCode> Breakers() => new()
    {
        { "not domiciled", ReasonCode.NotDomiciled },
        { "lost", ReasonCode.NotWon },
        { "settled", ReasonCode.NotWon },
        { "withdrawn", ReasonCode.NotWon },
        { "copyright", ReasonCode.CaseTypeNotCovered },
        { "no invoices", ReasonCode.NoInvoice },
        { "zero invoices", ReasonCode.NoInvoice },
        { "declared funding", ReasonCode.DuplicateFunding },
        { "confirmed register match", ReasonCode.DuplicateFunding },
        { "late", ReasonCode.OutsideApplicationWindow },
    };

    [Theory]
    [MemberData(nameof(Breakers))]
    public void Each_reason_alone_makes_the_claim_ineligible(string breaker, ReasonCode expected)
    {
        var (facts, version, ctx) = Break(breaker);
        var e = PolicyEvaluator.Evaluate(facts, version, ctx);
        e.Eligible.Should().BeFalse();
        e.Amount.Should().Be(0.00m);
        e.CapApplied.Should().BeFalse();
        e.Reasons.Select(r => r.Code).Should().Equal(expected);
        e.Trace.Should().Contain(s => s.Step.Contains(e.Reasons[0].Message));
    }

    [Fact]
    public void All_reasons_together_are_all_reported_in_rule_order()
    {
        var facts = Facts.Eligible() with
        {
            DomicileInCounty = false,
            Outcome = CaseOutcome.Lost,
            CaseType = CaseType.Copyright,
            Invoices = [],
            OtherFunding = [new OtherFunding("省知识产权局", "省级", 1_000.00m, "浙知〔2024〕1号")],
            PartyRole = PartyRole.Defendant,
        };
        var version = PolicyVersion.Default with { ApplicationWindowDays = 30 };
        var e = PolicyEvaluator.Evaluate(facts, version, new EvaluationContext(Facts.JudgmentDate.AddDays(31), ConfirmedDuplicateFunding: true));
        // The two reasons that need another version or another applicant are tested alone (ScreeningRuleTests).
        e.Reasons.Select(r => r.Code).Should().Equal(Enum.GetValues<ReasonCode>().Except([ReasonCode.NoPolicyInForce, ReasonCode.ApplicantTypeNotCovered]));
        e.Amount.Should().Be(0.00m);
    }

    [Fact]
    public void A_declared_funding_of_zero_is_not_duplicate_funding()
    {
        var facts = Facts.Eligible() with { OtherFunding = [new OtherFunding("市市场监管局", "市级", 0.00m, null)] };
        Facts.Evaluate(facts).Eligible.Should().BeTrue();
    }

    [Fact]
    public void The_last_day_of_the_window_is_still_inside()
    {
        var version = PolicyVersion.Default with { ApplicationWindowDays = 30 };
        PolicyEvaluator.Evaluate(Facts.Eligible(), version, new EvaluationContext(Facts.JudgmentDate.AddDays(30))).Eligible.Should().BeTrue();
    }

    [Fact]
    public void Without_a_window_a_late_application_is_fine()
    {
        Facts.Evaluate(Facts.Eligible(), new EvaluationContext(Facts.JudgmentDate.AddYears(5))).Eligible.Should().BeTrue();
    }

    private static (ClaimFacts, PolicyVersion, EvaluationContext) Break(string breaker)
    {
        var facts = Facts.Eligible();
        var version = PolicyVersion.Default;
        var ctx = Facts.Ctx;
        switch (breaker)
        {
            case "not domiciled": facts = facts with { DomicileInCounty = false }; break;
            case "lost": facts = facts with { Outcome = CaseOutcome.Lost }; break;
            case "settled": facts = facts with { Outcome = CaseOutcome.Settled }; break;
            case "withdrawn": facts = facts with { Outcome = CaseOutcome.Withdrawn }; break;
            case "copyright": facts = facts with { CaseType = CaseType.Copyright }; break;
            case "no invoices": facts = facts with { Invoices = [] }; break;
            case "zero invoices": facts = facts with { Invoices = [new Invoice("12345678", 0m, null)] }; break;
            case "declared funding":
                facts = facts with { OtherFunding = [new OtherFunding("市科技局", "市级", 0.01m, null)] };
                break;
            case "confirmed register match": ctx = ctx with { ConfirmedDuplicateFunding = true }; break;
            case "late":
                version = version with { ApplicationWindowDays = 10 };
                ctx = new EvaluationContext(Facts.JudgmentDate.AddDays(11));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(breaker), breaker, null);
        }

        return (facts, version, ctx);
    }
}
