using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

public class ClaimFactsValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static ClaimFactsInput Good() => new(
        ApplicantType: "natural_person",
        Name: " 张三 ",
        IdNumber: "11010519491231002x",
        DomicileInCounty: true,
        CaseNumber: "（2024）浙02民初123号",
        Court: "宁波市中级人民法院",
        CaseType: "patent_infringement",
        Outcome: "partially_won",
        JudgmentEffectiveDate: "2025-06-01",
        ForeignRelated: null,
        MajorImpact: true,
        AgencyFee: "8000.00",
        Invoices: [new InvoiceInput(" 24332000000012345678 ", "8000.00", "2025-05-20")],
        OtherFunding: [new OtherFundingInput("市市场监管局", "市级", "0.00", null)]);

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(ClaimFactsInput input)
    {
        var result = ClaimFactsValidator.Validate(input, Today);
        result.IsValid.Should().BeFalse();
        result.Value.Should().BeNull();
        return result.Errors;
    }

    [Fact]
    public void Good_input_becomes_claim_facts_with_defaults_and_normalised_values()
    {
        var result = ClaimFactsValidator.Validate(Good(), Today);
        result.IsValid.Should().BeTrue();
        result.Errors.Should().BeEmpty();
        var f = result.Value!;
        f.ApplicantType.Should().Be(ApplicantType.NaturalPerson);
        f.Name.Should().Be("张三");
        f.IdNumber.Should().Be("11010519491231002X");
        f.Outcome.Should().Be(Outcome.PartiallyWon);
        f.JudgmentEffectiveDate.Should().Be(new DateOnly(2025, 6, 1));
        f.ForeignRelated.Should().BeFalse();
        f.MajorImpact.Should().BeTrue();
        f.AgencyFee.Should().Be(8_000.00m);
        f.Invoices.Should().Equal(new Invoice("24332000000012345678", 8_000.00m, new DateOnly(2025, 5, 20)));
        f.OtherFunding.Should().ContainSingle().Which.Amount.Should().Be(0m);
    }

    [Fact]
    public void Missing_lists_are_empty()
    {
        var result = ClaimFactsValidator.Validate(Good() with { Invoices = null, OtherFunding = null }, Today);
        result.Value!.Invoices.Should().BeEmpty();
        result.Value.OtherFunding.Should().BeEmpty();
    }

    [Fact]
    public void A_resident_id_failing_the_checksum_is_refused()
    {
        ErrorsOf(Good() with { IdNumber = "110105194912310021" }).Should().ContainKey("idNumber").WhoseValue.Single().Should().Contain("GB 11643");
    }

    [Fact]
    public void A_resident_id_born_after_today_is_refused()
    {
        var first17 = "11010520260302001";
        var id = first17 + Domain.Identity.ResidentIdNumber.CheckCharacter(first17);
        ErrorsOf(Good() with { IdNumber = id }).Should().ContainKey("idNumber");
    }

    [Theory]
    [InlineData("enterprise")]
    [InlineData("institution")]
    public void Legal_persons_are_checked_against_gb_32100(string type)
    {
        ErrorsOf(Good() with { ApplicantType = type }).Should().ContainKey("idNumber").WhoseValue.Single().Should().Contain("GB 32100");
        ClaimFactsValidator.Validate(Good() with { ApplicantType = "enterprise", IdNumber = "91350100m000100y43" }, Today)
            .Value!.IdNumber.Should().Be("91350100M000100Y43");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-100.00")]
    [InlineData("100.001")]
    [InlineData("1e4")]
    [InlineData("1,000.00")]
    [InlineData("100000000.01")]
    [InlineData("abc")]
    public void Bad_money_is_refused_wherever_it_appears(string bad)
    {
        ErrorsOf(Good() with { AgencyFee = bad }).Should().ContainKey("agencyFee").WhoseValue.Single().Should().Contain("维权代理费");
        ErrorsOf(Good() with { Invoices = [new InvoiceInput("12345678", bad, null)] }).Should().ContainKey("invoices[0].amount");
    }

    [Theory]
    [InlineData("-1.00")]
    [InlineData("1.234")]
    public void Other_funding_may_be_zero_but_not_otherwise_bad(string bad)
    {
        var input = Good() with { OtherFunding = [new OtherFundingInput("a", "省级", "1.00", null), new OtherFundingInput("b", "市级", bad, null)] };
        ErrorsOf(input).Keys.Should().Equal("otherFunding[1].amount");
    }

    [Theory]
    [InlineData("applicantType", "person")]
    [InlineData("applicantType", "NaturalPerson")]
    [InlineData("caseType", "patent")]
    [InlineData("caseType", "Trademark")]
    [InlineData("outcome", "win")]
    [InlineData("outcome", "WON")]
    public void Unknown_enum_values_are_refused(string key, string value)
    {
        var input = key switch
        {
            "applicantType" => Good() with { ApplicantType = value },
            "caseType" => Good() with { CaseType = value },
            _ => Good() with { Outcome = value },
        };
        ErrorsOf(input).Should().ContainKey(key).WhoseValue.Single().Should().Contain(value);
    }

    [Fact]
    public void Every_missing_required_field_is_named()
    {
        var empty = new ClaimFactsInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        ErrorsOf(empty).Keys.Should().BeEquivalentTo(
            "applicantType", "name", "idNumber", "domicileInCounty", "caseNumber", "court", "caseType", "outcome",
            "judgmentEffectiveDate", "agencyFee");
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void Blank_text_counts_as_missing(string blank)
    {
        ErrorsOf(Good() with { Name = blank, Court = blank, CaseNumber = blank }).Keys.Should().BeEquivalentTo("name", "court", "caseNumber");
    }

    [Fact]
    public void Over_long_text_is_refused()
    {
        ErrorsOf(Good() with { Name = new string('张', 101), Court = new string('院', 201), CaseNumber = new string('1', 65) })
            .Keys.Should().BeEquivalentTo("name", "court", "caseNumber");
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2099-01-01")]
    public void A_judgment_date_in_the_future_is_refused(string date)
    {
        ErrorsOf(Good() with { JudgmentEffectiveDate = date }).Should().ContainKey("judgmentEffectiveDate")
            .WhoseValue.Single().Should().Contain("不能晚于今天");
    }

    [Fact]
    public void A_judgment_date_of_today_is_fine() =>
        ClaimFactsValidator.Validate(Good() with { JudgmentEffectiveDate = "2026-03-01" }, Today).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("2025-6-1")]
    [InlineData("2025/06/01")]
    [InlineData("2025-02-30")]
    [InlineData("20250601")]
    [InlineData("2025-06-01T00:00:00")]
    [InlineData(" 2025-06-01")]
    public void Dates_must_be_strict_iso(string date)
    {
        ErrorsOf(Good() with { JudgmentEffectiveDate = date }).Should().ContainKey("judgmentEffectiveDate");
        ErrorsOf(Good() with { Invoices = [new InvoiceInput("12345678", "1.00", date)] }).Should().ContainKey("invoices[0].issuedOn");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("123456789012345678901")]
    [InlineData("1234-5678")]
    public void An_invoice_without_8_to_20_digits_is_refused(string? number)
    {
        var input = Good() with { Invoices = [new InvoiceInput("24332000000012345678", "1.00", null), new InvoiceInput(number, "1.00", null)] };
        ErrorsOf(input).Keys.Should().Equal("invoices[1].number");
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var invoices = Enumerable.Range(0, 51).Select(i => new InvoiceInput($"1000000{i:00}", "1.00", null)).ToList();
        var funding = Enumerable.Range(0, 21).Select(_ => new OtherFundingInput("a", "b", "1.00", null)).ToList();
        ErrorsOf(Good() with { Invoices = invoices, OtherFunding = funding }).Keys.Should().BeEquivalentTo("invoices", "otherFunding");
    }

    [Fact]
    public void Other_funding_needs_a_source_and_level()
    {
        ErrorsOf(Good() with { OtherFunding = [new OtherFundingInput(null, " ", "1.00", null)] })
            .Keys.Should().BeEquivalentTo("otherFunding[0].source", "otherFunding[0].level");
    }

    [Fact]
    public void All_errors_are_reported_together()
    {
        var input = Good() with { ApplicantType = "x", AgencyFee = "0", JudgmentEffectiveDate = "2030-01-01" };
        ErrorsOf(input).Keys.Should().BeEquivalentTo("applicantType", "agencyFee", "judgmentEffectiveDate");
    }
}
