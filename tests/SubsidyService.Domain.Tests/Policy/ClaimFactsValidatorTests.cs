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
        f.Outcome.Should().Be(CaseOutcome.PartiallyWon);
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
        ErrorsOf(Good() with { IdNumber = "110105194912310021" }).Should().ContainKey("idNumber").WhoseValue.Single().Should().Be("居民身份证号码不正确：请核对 18 位号码（最后一位可能是 X），其中的出生日期须真实");
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
        ErrorsOf(Good() with { ApplicantType = type }).Should().ContainKey("idNumber").WhoseValue.Single().Should().StartWith("统一社会信用代码不正确");
        ClaimFactsValidator.Validate(Good() with { ApplicantType = "enterprise", IdNumber = "91350100m000100y43" }, Today)
            .Value!.IdNumber.Should().Be("91350100M000100Y43");
    }

    public static TheoryData<string> BadMoney => new() { "0", "0.00", "-100.00", "100.001", "1e4", "1,00", "8.000", "100000000.01", "abc" };

    [Theory]
    [MemberData(nameof(BadMoney))]
    public void Bad_money_is_refused_as_the_agency_fee(string bad) =>
        ErrorsOf(Good() with { AgencyFee = bad }).Should().ContainKey("agencyFee").WhoseValue.Single().Should().Contain("维权代理费");

    [Theory]
    [MemberData(nameof(BadMoney))]
    public void Bad_money_is_refused_as_an_invoice_amount(string bad) =>
        ErrorsOf(Good() with { Invoices = [new InvoiceInput("12345678", bad, null)] }).Should().ContainKey("invoices[0].amount");

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

    public static TheoryData<string> NotStrictIso => new() { "2025-6-1", "2025/06/01", "2025-02-30", "20250601", "2025-06-01T00:00:00", " 2025-06-01" };

    [Theory]
    [MemberData(nameof(NotStrictIso))]
    public void A_judgment_date_must_be_strict_iso(string date) =>
        ErrorsOf(Good() with { JudgmentEffectiveDate = date }).Should().ContainKey("judgmentEffectiveDate")
            .WhoseValue.Single().Should().Be("判决生效日期须为 YYYY-MM-DD 格式的有效日期");

    [Theory]
    [MemberData(nameof(NotStrictIso))]
    public void An_invoice_date_must_be_strict_iso(string date) =>
        ErrorsOf(Good() with { Invoices = [new InvoiceInput("12345678", "1.00", date)] }).Should().ContainKey("invoices[0].issuedOn");

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
    public void Too_many_invoices_are_refused()
    {
        var invoices = Enumerable.Range(0, 51).Select(i => new InvoiceInput($"1000000{i:00}", "1.00", null)).ToList();
        ErrorsOf(Good() with { Invoices = invoices }).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new KeyValuePair<string, string[]>("invoices", ["发票不能超过 50 张"]));
    }

    [Fact]
    public void Too_many_other_funding_entries_are_refused()
    {
        var funding = Enumerable.Range(0, 21).Select(_ => new OtherFundingInput("a", "b", "1.00", null)).ToList();
        ErrorsOf(Good() with { OtherFunding = funding }).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new KeyValuePair<string, string[]>("otherFunding", ["其他资助不能超过 20 项"]));
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

    [Fact]
    public void A_malformed_invoice_code_is_named_and_its_invoice_left_out()
    {
        // Left out: two such invoices are not also reported as the same invoice twice.
        var errors = ErrorsOf(Good() with { Invoices = [new InvoiceInput("12345678", "1.00", null, "123"), new InvoiceInput("12345678", "1.00", null, "123")] });
        errors.Keys.Should().BeEquivalentTo("invoices[0].code", "invoices[1].code");
        errors["invoices[0].code"].Should().Equal("发票代码须为 10 或 12 位数字");
    }

    [Fact]
    public void An_eight_digit_invoice_without_its_code_is_named_and_left_out()
    {
        var errors = ErrorsOf(Good() with { Invoices = [new InvoiceInput("12345678", "1.00", null), new InvoiceInput("12345678", "1.00", null)] });
        errors.Keys.Should().BeEquivalentTo("invoices[0].code", "invoices[1].code");
        errors["invoices[0].code"].Should().Equal("8 位发票号码的增值税发票须同时填写 10 或 12 位发票代码");
    }

    [Fact]
    public void A_code_on_a_fully_digital_invoice_is_named_and_left_out()
    {
        var digital = new InvoiceInput("24332000000012345678", "1.00", null, "3300231130");
        var errors = ErrorsOf(Good() with { Invoices = [digital, digital] });
        errors.Keys.Should().BeEquivalentTo("invoices[0].code", "invoices[1].code");
        errors["invoices[0].code"].Should().Equal("只有 8 位号码的发票填写发票代码；全电发票（20 位号码）没有发票代码");
    }

    [Fact]
    public void A_repeated_old_invoice_is_described_by_its_code_and_number() =>
        ErrorsOf(Good() with { Invoices = [new InvoiceInput("12345678", "1.00", null, "3300231130"), new InvoiceInput("12345678", "2.00", null, "3300231130")] })
            ["invoices[1].number"].Should().Equal("与第 1 张发票（代码 3300231130、号码 12345678）重复，同一张发票只能填写一次");

    [Fact]
    public void A_repeated_digital_invoice_is_described_by_its_number() =>
        ErrorsOf(Good() with { Invoices = [new InvoiceInput("24332000000012345678", "1.00", null), new InvoiceInput("24332000000012345678", "2.00", null)] })
            ["invoices[1].number"].Should().Equal("与第 1 张发票（号码 24332000000012345678）重复，同一张发票只能填写一次");

    [Fact]
    public void An_empty_invoice_entry_is_named() =>
        ErrorsOf(Good() with { Invoices = [null!] })["invoices[0]"].Should().Equal("发票不能为空");

    [Fact]
    public void An_empty_other_funding_entry_is_named() =>
        ErrorsOf(Good() with { OtherFunding = [null!] })["otherFunding[0]"].Should().Equal("其他资助不能为空");

    [Fact]
    public void More_than_ten_related_case_numbers_are_refused() =>
        ErrorsOf(Good() with { RelatedCaseNumbers = Enumerable.Range(1, 11).Select(i => (string?)$"(2025)浙民终{i}号").ToList() })
            ["relatedCaseNumbers"].Should().Equal("关联案号不能超过 10 个");

    [Fact]
    public void A_related_case_number_equal_to_the_case_number_is_named() =>
        ErrorsOf(Good() with { RelatedCaseNumbers = ["(2024)浙02民初123号"] })["relatedCaseNumbers[0]"].Should().Equal("关联案号与本案案号或另一关联案号相同");

    [Fact]
    public void A_blank_related_case_number_is_named() =>
        ErrorsOf(Good() with { RelatedCaseNumbers = [" "] })["relatedCaseNumbers[0]"].Should().Equal("关联案号不能为空");

    [Fact]
    public void No_message_names_a_standard_number()
    {
        var errors = ErrorsOf(Good() with { IdNumber = "110105194912310021" })
            .Concat(ErrorsOf(Good() with { ApplicantType = "enterprise" }))
            .Concat(ErrorsOf(Good() with { Invoices = [new InvoiceInput("A-1", "10", null, null, "U$")] }));
        errors.SelectMany(e => e.Value).Should().NotBeEmpty().And.AllSatisfy(m => m.Should().NotMatchRegex("GB|ISO|[0-9]{4,}-"));
    }

    [Fact]
    public void An_unknown_party_role_is_named_with_its_label() =>
        ErrorsOf(Good() with { PartyRole = "judge" })["partyRole"].Single().Should().StartWith("申请人在本案中的地位“judge”不是有效值");

    [Fact]
    public void A_foreign_related_case_stays_foreign_related() =>
        ClaimFactsValidator.Validate(Good() with { ForeignRelated = true }, Today).Value!.ForeignRelated.Should().BeTrue();

    [Theory]
    [InlineData("applicantType", "申请人类型")]
    [InlineData("name", "申请人名称")]
    [InlineData("idNumber", "证件号码")]
    [InlineData("domicileInCounty", "户籍地或注册地在本县")]
    [InlineData("caseNumber", "案号")]
    [InlineData("court", "审理法院")]
    [InlineData("caseType", "案件类型")]
    [InlineData("outcome", "案件结果")]
    public void A_missing_field_is_named_in_words(string key, string label) =>
        ErrorsOf(new ClaimFactsInput(null, null, null, null, null, null, null, null, null, null, null, null, null, null))[key]
            .Single().Should().Contain(label);

    [Theory]
    [InlineData("amount", "发票金额")]
    [InlineData("issuedOn", "开票日期")]
    public void A_bad_invoice_field_is_named_in_words(string field, string label) =>
        ErrorsOf(Good() with { Invoices = [new InvoiceInput("24332000000012345678", "x", "x")] })[$"invoices[0].{field}"].Single().Should().Contain(label);

    [Theory]
    [InlineData("source", "资助来源")]
    [InlineData("level", "资助层级")]
    [InlineData("amount", "资助金额")]
    public void A_bad_other_funding_field_is_named_in_words(string field, string label) =>
        ErrorsOf(Good() with { OtherFunding = [new OtherFundingInput(null, null, "x", null)] })[$"otherFunding[0].{field}"].Single().Should().Contain(label);

    [Fact]
    public void The_most_entries_of_each_list_are_taken()
    {
        var invoices = Enumerable.Range(0, ClaimFactsValidator.MaxInvoices).Select(i => new InvoiceInput($"1000000{i:00}", "1.00", null)).ToList();
        var funding = Enumerable.Range(0, ClaimFactsValidator.MaxOtherFunding).Select(_ => new OtherFundingInput("a", "b", "0.00", null)).ToList();
        var related = Enumerable.Range(1, 10).Select(i => (string?)$"(2025)浙民终{i}号").ToList();
        ClaimFactsValidator.Validate(Good() with { AgencyFee = "50.00", Invoices = invoices, OtherFunding = funding, RelatedCaseNumbers = related }, Today)
            .Errors.Should().BeEmpty();
    }
}
