using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>The worked examples table of POLICY.md, row by row.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void Natural_person_patent_won_8000_gets_4000()
    {
        var e = Facts.Evaluate(Facts.Eligible(fee: 8_000.00m));
        e.Eligible.Should().BeTrue();
        e.Tier.Should().Be(Tier.NaturalPerson);
        e.FeeBase.Should().Be(8_000.00m);
        e.UncappedAmount.Should().Be(4_000.00m);
        e.Cap.Should().Be(5_000.00m);
        e.Amount.Should().Be(4_000.00m);
        e.CapApplied.Should().BeFalse();
        e.Reasons.Should().BeEmpty();
        e.PolicyVersion.Should().Be("2023-item13");
        e.Rate.Should().Be(0.50m);
    }

    [Fact]
    public void Natural_person_patent_won_12000_is_capped_at_5000()
    {
        var e = Facts.Evaluate(Facts.Eligible(fee: 12_000.00m));
        e.Amount.Should().Be(5_000.00m);
        e.UncappedAmount.Should().Be(6_000.00m);
        e.CapApplied.Should().BeTrue();
        e.Tier.Should().Be(Tier.NaturalPerson);
    }

    [Fact]
    public void Enterprise_patent_won_30000_is_capped_at_10000()
    {
        var e = Facts.Evaluate(Facts.Eligible(ApplicantType.Enterprise, fee: 30_000.00m));
        e.Tier.Should().Be(Tier.LegalPerson);
        e.Amount.Should().Be(10_000.00m);
        e.CapApplied.Should().BeTrue();
        e.Reasons.Should().BeEmpty();
    }

    [Fact]
    public void Enterprise_foreign_related_patent_won_30000_gets_15000()
    {
        var e = Facts.Evaluate(Facts.Eligible(ApplicantType.Enterprise, fee: 30_000.00m) with { ForeignRelated = true });
        e.Tier.Should().Be(Tier.MajorOrForeign);
        e.Cap.Should().Be(50_000.00m);
        e.Amount.Should().Be(15_000.00m);
        e.CapApplied.Should().BeFalse();
    }

    [Fact]
    public void Natural_person_trademark_won_gets_nothing_as_not_covered()
    {
        var e = Facts.Evaluate(Facts.Eligible(fee: 10_000.00m) with { CaseType = CaseType.Trademark });
        e.Eligible.Should().BeFalse();
        e.Tier.Should().BeNull();
        e.Cap.Should().BeNull();
        e.CapApplied.Should().BeFalse();
        e.Amount.Should().Be(0.00m);
        e.FeeBase.Should().Be(10_000.00m);
        e.UncappedAmount.Should().Be(5_000.00m);
        e.Reasons.Select(r => r.Code).Should().Equal(ReasonCode.CaseTypeNotCovered);
    }

    [Fact]
    public void Natural_person_settled_not_domiciled_without_invoices_has_three_reasons()
    {
        var facts = Facts.Eligible(fee: 10_000.00m) with
        {
            Outcome = CaseOutcome.Settled,
            DomicileInCounty = false,
            Invoices = [],
        };
        var e = Facts.Evaluate(facts);
        e.Eligible.Should().BeFalse();
        e.Amount.Should().Be(0.00m);
        e.FeeBase.Should().Be(0.00m, "the fee base is the smaller of the fee and an invoice total of nothing");
        e.Reasons.Select(r => r.Code).Should().Equal(ReasonCode.NotDomiciled, ReasonCode.NotWon, ReasonCode.NoInvoice);
        e.Reasons.Should().OnlyContain(r => !string.IsNullOrWhiteSpace(r.Message));
    }
}
