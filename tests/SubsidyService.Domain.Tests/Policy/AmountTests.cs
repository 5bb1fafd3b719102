using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

public class AmountTests
{
    [Theory]
    // natural person, cap 5000.00
    [InlineData(ApplicantType.NaturalPerson, false, "9999.98", "4999.99", false)]
    [InlineData(ApplicantType.NaturalPerson, false, "10000.00", "5000.00", false)]
    [InlineData(ApplicantType.NaturalPerson, false, "10000.01", "5000.00", true)]
    [InlineData(ApplicantType.NaturalPerson, false, "10000.02", "5000.00", true)]
    // legal person, cap 10000.00
    [InlineData(ApplicantType.Enterprise, false, "19999.98", "9999.99", false)]
    [InlineData(ApplicantType.Institution, false, "20000.00", "10000.00", false)]
    [InlineData(ApplicantType.Enterprise, false, "20000.02", "10000.00", true)]
    // major or foreign, cap 50000.00
    [InlineData(ApplicantType.Enterprise, true, "99999.98", "49999.99", false)]
    [InlineData(ApplicantType.Institution, true, "100000.00", "50000.00", false)]
    [InlineData(ApplicantType.Enterprise, true, "100000.02", "50000.00", true)]
    public void Each_cap_one_fen_below_at_and_above(ApplicantType applicant, bool foreign, string fee, string amount, bool capApplied)
    {
        var e = Facts.Evaluate(Facts.Eligible(applicant, fee: D(fee)) with { ForeignRelated = foreign });
        e.Amount.Should().Be(D(amount));
        e.CapApplied.Should().Be(capApplied);
    }

    [Theory]
    [InlineData("0.01", "0.01")]
    [InlineData("0.03", "0.02")]
    [InlineData("1.23", "0.62")]
    [InlineData("1.25", "0.63")]
    [InlineData("1.27", "0.64")]
    [InlineData("3333.33", "1666.67")]
    [InlineData("8000.01", "4000.01")]
    [InlineData("9999.99", "5000.00")]
    public void Half_a_fen_rounds_up(string fee, string amount)
    {
        var e = Facts.Evaluate(Facts.Eligible(fee: D(fee)));
        e.UncappedAmount.Should().Be(D(amount));
        e.Amount.Should().Be(D(amount));
    }

    [Fact]
    public void A_rate_of_a_third_rounds_half_up_too()
    {
        var version = PolicyVersion.Default with { Rate = 0.333m };
        var e = PolicyEvaluator.Evaluate(Facts.Eligible(fee: 1_500.00m), version, Facts.Ctx);
        e.UncappedAmount.Should().Be(499.50m);
        e.Rate.Should().Be(0.333m);
    }

    [Theory]
    [InlineData("8000.00", "6000.00", "3000.00")]
    [InlineData("6000.00", "8000.00", "3000.00")]
    [InlineData("7000.00", "7000.00", "3500.00")]
    public void Fee_base_is_the_smaller_of_fee_and_invoices(string fee, string invoices, string amount)
    {
        var e = Facts.Evaluate(Facts.Eligible(fee: D(fee), invoices: D(invoices)));
        e.FeeBase.Should().Be(Math.Min(D(fee), D(invoices)));
        e.Amount.Should().Be(D(amount));
    }

    [Fact]
    public void Invoices_are_summed()
    {
        var facts = Facts.Eligible(fee: 9_000.00m) with
        {
            Invoices = [new Invoice("11111111", 2_000.00m, null), new Invoice("22222222", 3_000.50m, null)],
        };
        Facts.Evaluate(facts).FeeBase.Should().Be(5_000.50m);
        Facts.Evaluate(facts).Amount.Should().Be(2_500.25m);
    }

    [Fact]
    public void A_verifier_limit_lowers_the_fee_base_but_never_raises_it()
    {
        var facts = Facts.Eligible(fee: 8_000.00m);
        Facts.Evaluate(facts, Facts.Ctx with { FeeBaseLimit = 5_000.00m }).Amount.Should().Be(2_500.00m);
        Facts.Evaluate(facts, Facts.Ctx with { FeeBaseLimit = 20_000.00m }).FeeBase.Should().Be(8_000.00m);
    }

    [Fact]
    public void A_natural_persons_foreign_related_major_patent_case_stays_capped_at_5000()
    {
        var e = Facts.Evaluate(Facts.Eligible(fee: 40_000.00m) with { ForeignRelated = true, MajorImpact = true });
        e.Tier.Should().Be(Tier.NaturalPerson);
        e.Amount.Should().Be(5_000.00m);
        e.CapApplied.Should().BeTrue();
    }

    [Theory]
    [InlineData(ApplicantType.NaturalPerson, false, false, null)]
    [InlineData(ApplicantType.NaturalPerson, true, true, null)]
    [InlineData(ApplicantType.Enterprise, false, false, null)]
    [InlineData(ApplicantType.Enterprise, true, false, Tier.MajorOrForeign)]
    [InlineData(ApplicantType.Institution, false, true, Tier.MajorOrForeign)]
    public void Non_patent_cases_are_covered_only_for_legal_persons_in_foreign_or_major_cases(
        ApplicantType applicant, bool foreign, bool major, Tier? tier)
    {
        foreach (var caseType in Enum.GetValues<CaseType>().Where(c => c != CaseType.PatentInfringement))
        {
            var e = Facts.Evaluate(Facts.Eligible(applicant, fee: 30_000.00m) with
            {
                CaseType = caseType,
                ForeignRelated = foreign,
                MajorImpact = major,
            });
            e.Tier.Should().Be(tier, $"{caseType}");
            e.Eligible.Should().Be(tier is not null);
            e.Amount.Should().Be(tier is null ? 0.00m : 15_000.00m);
        }
    }

    [Fact]
    public void Partially_won_counts_as_a_win()
    {
        Facts.Evaluate(Facts.Eligible() with { Outcome = CaseOutcome.PartiallyWon }).Eligible.Should().BeTrue();
    }

    [Fact]
    public void The_numbers_come_from_the_version()
    {
        var version = PolicyVersion.Default with
        {
            Id = "2025-revised",
            Rate = 0.60m,
            Caps = new Dictionary<Tier, decimal> { [Tier.NaturalPerson] = 8_000m, [Tier.LegalPerson] = 20_000m, [Tier.MajorOrForeign] = 80_000m },
        };
        var e = PolicyEvaluator.Evaluate(Facts.Eligible(fee: 20_000.00m), version, Facts.Ctx);
        e.Amount.Should().Be(8_000.00m);
        e.UncappedAmount.Should().Be(12_000.00m);
        e.PolicyVersion.Should().Be("2025-revised");
        e.Trace.Should().Contain(s => s.Step.Contains("60%") && s.Step.Contains("12000.00"));
        e.Trace.Should().Contain(s => s.Step.Contains("8000.00"));
    }

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
