using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>Properties of the evaluation over many random claims; the seed is fixed so a failure reproduces.</summary>
public class EvaluationPropertyTests
{
    private const int Cases = 10_000;

    private static decimal Money(Random r, decimal max) => Math.Round((decimal)r.NextDouble() * max, 2);

    private static T Pick<T>(Random r) where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[r.Next(values.Length)];
    }

    private static (ClaimFacts Facts, EvaluationContext Ctx) RandomClaim(Random r)
    {
        var fee = Money(r, 150_000m) + 0.01m;
        var invoices = Enumerable.Range(0, r.Next(0, 4))
            .Select(i => new Invoice($"1000000{i}", Money(r, 60_000m), null))
            .ToList();
        var funding = r.Next(6) == 0 ? new List<OtherFunding> { new("市科技局", "市级", Money(r, 2m), null) } : [];
        var facts = Facts.Eligible(Pick<ApplicantType>(r), fee) with
        {
            DomicileInCounty = r.Next(8) != 0,
            CaseType = r.Next(2) == 0 ? CaseType.PatentInfringement : Pick<CaseType>(r),
            Outcome = r.Next(3) == 0 ? Pick<CaseOutcome>(r) : CaseOutcome.Won,
            ForeignRelated = r.Next(3) == 0,
            MajorImpact = r.Next(4) == 0,
            Invoices = invoices,
            OtherFunding = funding,
        };
        var ctx = new EvaluationContext(
            Facts.JudgmentDate.AddDays(r.Next(0, 400)),
            ConfirmedDuplicateFunding: r.Next(20) == 0,
            FeeBaseLimit: r.Next(5) == 0 ? Money(r, 100_000m) : null);
        return (facts, ctx);
    }

    [Fact]
    public void Amount_never_exceeds_the_cap_nor_half_the_fee_base_and_is_never_negative()
    {
        var r = new Random(13);
        for (var i = 0; i < Cases; i++)
        {
            var (facts, ctx) = RandomClaim(r);
            var e = Facts.Evaluate(facts, ctx);
            e.Amount.Should().BeGreaterThanOrEqualTo(0m);
            if (e.Cap is { } cap)
                e.Amount.Should().BeLessThanOrEqualTo(cap);
            e.Amount.Should().BeLessThanOrEqualTo(e.FeeBase * e.Rate + 0.005m);
            e.FeeBase.Should().BeLessThanOrEqualTo(facts.AgencyFee);
            e.FeeBase.Should().BeLessThanOrEqualTo(facts.Invoices.Sum(x => x.Amount));
            decimal.Round(e.Amount, 2).Should().Be(e.Amount);
        }
    }

    [Fact]
    public void Ineligible_means_zero_and_eligible_means_no_reasons()
    {
        var r = new Random(2023);
        var ineligible = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (facts, ctx) = RandomClaim(r);
            var e = Facts.Evaluate(facts, ctx);
            e.Eligible.Should().Be(e.Reasons.Count == 0);
            if (!e.Eligible)
            {
                ineligible++;
                e.Amount.Should().Be(0.00m);
                e.CapApplied.Should().BeFalse();
            }
            else
            {
                e.Amount.Should().Be(e.Cap is { } cap ? Math.Min(cap, e.UncappedAmount) : e.UncappedAmount);
            }
        }

        ineligible.Should().BeInRange(Cases / 10, Cases * 9 / 10, "the generator must exercise both sides");
    }

    [Fact]
    public void A_larger_fee_never_gives_a_smaller_amount()
    {
        var r = new Random(50);
        for (var i = 0; i < Cases; i++)
        {
            var (facts, ctx) = RandomClaim(r);
            var fee = facts.AgencyFee;
            var larger = fee + Money(r, 20_000m);
            var invoices = new List<Invoice> { new("20000001", larger, null) };
            var small = Facts.Evaluate(facts with { AgencyFee = fee, Invoices = invoices }, ctx);
            var big = Facts.Evaluate(facts with { AgencyFee = larger, Invoices = invoices }, ctx);
            big.Amount.Should().BeGreaterThanOrEqualTo(small.Amount, $"fee {fee} → {larger}");
        }
    }
}
