using FluentAssertions;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>
/// Every refusal of the claim-facts validator that names a rule rather than a blank field, in its exact words and
/// under its own key: the applicant corrects the claim from these. One refusal a test.
/// </summary>
public class ValidatorMessageTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private const string Patent = "2020101234562";

    private static ClaimFactsInput Good() => new(
        ApplicantType: "natural_person",
        Name: "张三",
        IdNumber: "11010519491231002X",
        DomicileInCounty: true,
        CaseNumber: "(2024)浙02民初123号",
        Court: "宁波市中级人民法院",
        CaseType: "patent_infringement",
        Outcome: "won",
        JudgmentEffectiveDate: "2025-06-01",
        ForeignRelated: null,
        MajorImpact: null,
        AgencyFee: "8000.00",
        Invoices: [new InvoiceInput("24332000000012345678", "8000.00", "2025-05-20")],
        OtherFunding: []);

    private static ClaimFactsInput Legal(string type, string first17) =>
        Good() with { ApplicantType = type, Name = "某某单位", IdNumber = first17 + UnifiedSocialCreditCode.CheckCharacter(first17) };

    private static ClaimFactsInput Foreign(InvoiceInput invoice, bool foreignRelated = true) =>
        Good() with { ForeignRelated = foreignRelated, Invoices = [invoice] };

    private static string[] ErrorsAt(ClaimFactsInput input, string key) => ClaimFactsValidator.Validate(input, Today).Errors[key];

    private static IReadOnlyDictionary<string, string[]> Errors(ClaimFactsInput input) => ClaimFactsValidator.Validate(input, Today).Errors;

    [Fact]
    public void A_foreign_court_outside_a_foreign_related_case_is_refused() =>
        ErrorsAt(Good() with { ForeignCourt = true, CaseNumber = "[2025] EWHC 123 (Pat)" }, "foreignCourt")
            .Should().Equal("境外法院的判决只能在涉外案件中申报：请同时勾选“涉外案件”");

    [Fact]
    public void A_foreign_court_in_a_foreign_related_case_takes_a_free_form_number() =>
        ClaimFactsValidator.Validate(Good() with { ForeignCourt = true, ForeignRelated = true, CaseNumber = "[2025] EWHC 123 (Pat)" }, Today)
            .Value!.ForeignCourt.Should().BeTrue();

    [Fact]
    public void An_unparseable_case_number_is_named_with_an_example() =>
        ErrorsAt(Good() with { CaseNumber = "浙02民初123号" }, "caseNumber")
            .Should().Equal("案号“浙02民初123号”无法识别：应为“（年份）法院代字 案件类型代字 序号 号”，如（2025）浙02民初7781号");

    [Fact]
    public void An_unparseable_related_case_number_is_named_with_an_example() =>
        ErrorsAt(Good() with { RelatedCaseNumbers = ["浙民终112号"] }, "relatedCaseNumbers[0]")
            .Should().Equal("关联案号“浙民终112号”无法识别：应为“（年份）法院代字 案件类型代字 序号 号”，如（2025）浙民终112号");

    [Fact]
    public void A_related_case_number_of_another_instance_is_kept() =>
        ClaimFactsValidator.Validate(Good() with { RelatedCaseNumbers = ["（2025）浙民终112号"] }, Today).Value!.RelatedCaseNumbers
            .Should().Equal("（2025）浙民终112号");

    [Fact]
    public void Two_equal_related_case_numbers_are_refused_at_the_second() =>
        ErrorsAt(Good() with { RelatedCaseNumbers = ["(2025)浙民终112号", "（2025）浙民终112号"] }, "relatedCaseNumbers[1]")
            .Should().Equal("关联案号与本案案号或另一关联案号相同");

    [Fact]
    public void Too_many_patents_are_refused_with_the_limit() =>
        ErrorsAt(Good() with { PatentNumbers = Enumerable.Repeat<string?>(Patent, ClaimFactsValidator.MaxPatentNumbers + 1).ToList() }, "patentNumbers")
            .Should().Equal("专利号不能超过 10 个");

    [Fact]
    public void Ten_patents_are_not_too_many() =>
        Errors(Good() with { PatentNumbers = Enumerable.Repeat<string?>(Patent, ClaimFactsValidator.MaxPatentNumbers).ToList() })
            .Keys.Should().NotContain("patentNumbers");

    [Fact]
    public void A_patent_number_with_a_wrong_check_character_is_named() =>
        ErrorsAt(Good() with { PatentNumbers = ["ZL202010123456.7"] }, "patentNumbers[0]")
            .Should().Equal("专利号“ZL202010123456.7”无效：应为 8 或 12 位数字加校验位（如 ZL202010123456.2），且校验位须正确");

    [Fact]
    public void A_patent_given_twice_is_named_at_the_second() =>
        ErrorsAt(Good() with { PatentNumbers = [Patent, "ZL202010123456.2"] }, "patentNumbers[1]").Should().Equal("专利号重复");

    [Fact]
    public void An_over_long_patent_number_is_named() =>
        ErrorsAt(Good() with { PatentNumbers = [new string('1', 33)] }, "patentNumbers[0]").Should().Equal("专利号不能超过 32 个字符");

    [Fact]
    public void Patents_are_kept_in_canonical_form() =>
        ClaimFactsValidator.Validate(Good() with { PatentNumbers = ["ZL202010123456.2"] }, Today).Value!.PatentNumbers.Should().Equal(Patent);

    [Fact]
    public void Too_many_opponents_are_refused_with_the_limit() =>
        ErrorsAt(Good() with { OpposingParties = Enumerable.Repeat<string?>("甲公司", ClaimFactsValidator.MaxOpposingParties + 1).ToList() }, "opposingParties")
            .Should().Equal("对方当事人不能超过 10 个");

    [Fact]
    public void Ten_opponents_are_not_too_many() =>
        ClaimFactsValidator.Validate(Good() with { OpposingParties = Enumerable.Repeat<string?>("甲公司", 10).ToList() }, Today).Value!.OpposingParties
            .Should().HaveCount(10);

    [Fact]
    public void A_blank_opponent_is_named() =>
        ErrorsAt(Good() with { OpposingParties = [" "] }, "opposingParties[0]").Should().Equal("对方当事人名称不能为空");

    [Fact]
    public void Too_many_related_case_numbers_are_refused_at_eleven() =>
        Errors(Good() with { RelatedCaseNumbers = Enumerable.Range(1, 11).Select(n => (string?)$"(2025)浙民终{n}号").ToList() })
            .Keys.Should().Equal("relatedCaseNumbers");

    [Fact]
    public void Ten_related_case_numbers_are_not_too_many() =>
        ClaimFactsValidator.Validate(Good() with { RelatedCaseNumbers = Enumerable.Range(1, 10).Select(n => (string?)$"(2025)浙民终{n}号").ToList() }, Today)
            .Value!.RelatedCaseNumbers.Should().HaveCount(10);

    [Fact]
    public void A_sole_traders_code_is_refused_in_words() =>
        ErrorsAt(Legal("enterprise", "92330102MA2B3C4D5"), "idNumber")
            .Should().Equal("该统一社会信用代码属于个体工商户（92 开头），个体工商户不是法人：请由经营者本人以自然人身份、用本人居民身份证号码申请");

    [Fact]
    public void An_enterprises_code_declared_as_an_institution_is_refused_in_words() =>
        ErrorsAt(Legal("institution", "91330102MA2B3C4D5"), "applicantType")
            .Should().Equal("统一社会信用代码（91 开头）表明申请人为企业，申请人类型应选择“企业”");

    [Fact]
    public void An_institutions_code_declared_as_an_enterprise_is_refused_in_words() =>
        ErrorsAt(Legal("enterprise", "12330102MA2B3C4D5"), "applicantType")
            .Should().Equal("统一社会信用代码（12 开头）表明申请人为事业单位，申请人类型应选择“事业单位”");

    [Fact]
    public void An_institutions_code_declared_as_an_institution_is_taken() =>
        ClaimFactsValidator.Validate(Legal("institution", "12330102MA2B3C4D5"), Today).IsValid.Should().BeTrue();

    [Fact]
    public void An_enterprises_code_declared_as_an_enterprise_is_taken() =>
        ClaimFactsValidator.Validate(Legal("enterprise", "91330102MA2B3C4D5"), Today).IsValid.Should().BeTrue();

    [Fact]
    public void A_claim_on_a_patent_without_patents_is_told_why_they_are_needed() =>
        ClaimFactsValidator.ClaimRequirements(ClaimFactsValidator.Validate(Good(), Today).Value!)["patentNumbers"]
            .Should().Equal("专利侵权案件须填写涉案专利号（至少 1 个）：同一纠纷的一审、二审案号各不相同，补助按纠纷只发放一次，以专利号和对方当事人识别同一纠纷");

    [Fact]
    public void A_claim_on_a_patent_without_opponents_is_told_why_they_are_needed() =>
        ClaimFactsValidator.ClaimRequirements(ClaimFactsValidator.Validate(Good(), Today).Value!)["opposingParties"]
            .Should().Equal("专利侵权案件须填写对方当事人（被告或被请求人，至少 1 个），用于识别同一纠纷");

    [Fact]
    public void A_trademark_claim_needs_no_patents_or_opponents() =>
        ClaimFactsValidator.ClaimRequirements(ClaimFactsValidator.Validate(Good() with { CaseType = "trademark" }, Today).Value!).Should().BeEmpty();

    [Fact]
    public void Dispute_details_without_patents_are_refused_in_words() =>
        ClaimFactsValidator.Dispute([], ["甲公司"]).Errors["patentNumbers"].Should().Equal("须填写涉案专利号（至少 1 个）");

    [Fact]
    public void Dispute_details_without_opponents_are_refused_in_words() =>
        ClaimFactsValidator.Dispute([Patent], null).Errors["opposingParties"].Should().Equal("须填写对方当事人（被告或被请求人，至少 1 个）");

    [Fact]
    public void Dispute_details_with_a_bad_patent_name_only_the_patent() =>
        ClaimFactsValidator.Dispute(["123"], ["甲公司"]).Errors.Keys.Should().Equal("patentNumbers[0]");

    [Fact]
    public void Good_dispute_details_are_taken() =>
        ClaimFactsValidator.Dispute(["ZL202010123456.2"], [" 甲公司 "]).Value.Should().BeEquivalentTo(new { PatentNumbers = new[] { Patent }, OpposingParties = new[] { "甲公司" } });

    [Fact]
    public void A_foreign_currency_of_other_than_three_letters_is_refused() =>
        ErrorsAt(Foreign(new InvoiceInput("INV-1", "7000.00", "2025-05-20", Currency: "US$", ForeignAmount: "1000.00")), "invoices[0].currency")
            .Should().Equal("币种须为 3 个英文字母的币种代码，如 USD（美元）、EUR（欧元）");

    [Fact]
    public void A_foreign_invoice_outside_a_foreign_related_case_is_refused() =>
        ErrorsAt(Foreign(new InvoiceInput("INV-1", "7000.00", "2025-05-20", Currency: "usd", ForeignAmount: "1000.00"), foreignRelated: false), "invoices[0].currency")
            .Should().Equal("外币发票只能在涉外案件中申报：请同时勾选“涉外案件”");

    [Fact]
    public void A_foreign_invoice_number_without_a_letter_or_digit_is_refused() =>
        ErrorsAt(Foreign(new InvoiceInput("--/--", "7000.00", "2025-05-20", Currency: "USD", ForeignAmount: "1000.00")), "invoices[0].number")
            .Should().Equal("发票号码须含字母或数字");

    [Fact]
    public void A_foreign_invoice_with_a_code_is_refused() =>
        ErrorsAt(Foreign(new InvoiceInput("INV-1", "7000.00", "2025-05-20", Code: "3300231130", Currency: "USD", ForeignAmount: "1000.00")), "invoices[0].code")
            .Should().Equal("外币发票没有发票代码");

    [Fact]
    public void A_foreign_invoice_without_its_yuan_amount_is_named_in_words() =>
        ErrorsAt(Foreign(new InvoiceInput("INV-1", null, "2025-05-20", Currency: "USD", ForeignAmount: "1000.00")), "invoices[0].amount")
            .Should().Equal("发票金额（折合人民币实际支付）不能为空");

    [Fact]
    public void A_foreign_invoice_without_its_foreign_amount_is_named_in_words() =>
        ErrorsAt(Foreign(new InvoiceInput("INV-1", "7000.00", "2025-05-20", Currency: "USD")), "invoices[0].foreignAmount")
            .Should().Equal("外币金额不能为空");

    [Fact]
    public void A_good_foreign_invoice_keeps_its_currency_and_amounts() =>
        ClaimFactsValidator.Validate(Foreign(new InvoiceInput(" INV-1 ", "7000.00", "2025-05-20", Currency: " usd ", ForeignAmount: "1000.00")), Today)
            .Value!.Invoices.Single().Should().Be(new Invoice("INV-1", 7000.00m, new DateOnly(2025, 5, 20), null, "USD", 1000.00m));

    [Fact]
    public void An_invoice_in_yuan_written_as_cny_is_a_mainland_invoice() =>
        ClaimFactsValidator.Validate(Good() with { Invoices = [new InvoiceInput("24332000000012345678", "8000.00", "2025-05-20", Currency: " cny ")] }, Today)
            .Value!.Invoices.Single().Currency.Should().BeNull();

    [Fact]
    public void A_mainland_invoice_number_of_seven_digits_is_named_with_the_range() =>
        ErrorsAt(Good() with { Invoices = [new InvoiceInput("1234567", "8000.00", "2025-05-20")] }, "invoices[0].number")
            .Should().Equal("发票号码须为 8 至 20 位数字");

    [Fact]
    public void Two_equal_foreign_invoices_are_described_by_currency_and_number() =>
        ErrorsAt(Good() with
            {
                ForeignRelated = true,
                Invoices =
                [
                    new InvoiceInput("INV-1", "7000.00", null, Currency: "USD", ForeignAmount: "1000.00"),
                    new InvoiceInput("inv 1", "7000.00", null, Currency: "USD", ForeignAmount: "1000.00"),
                ],
            }, "invoices[1].number")
            .Should().Equal("与第 1 张发票（USD 号码 inv 1）重复，同一张发票只能填写一次");

    [Fact]
    public void An_over_long_funding_reference_is_named_in_words() =>
        ErrorsAt(Good() with { OtherFunding = [new OtherFundingInput("市市场监管局", "市级", "0.00", new string('文', 201))] }, "otherFunding[0].reference")
            .Should().Equal("资助文号不能超过 200 个字符");

    [Fact]
    public void An_unknown_funding_purpose_is_named_in_words() =>
        ErrorsAt(Good() with { OtherFunding = [new OtherFundingInput("市市场监管局", "市级", "0.00", null, "bonus")] }, "otherFunding[0].purpose")
            .Should().Equal("资助用途“bonus”不是有效值，应为 litigation_fee、other 之一");

    [Fact]
    public void A_funding_without_a_purpose_is_for_litigation_fees() =>
        ClaimFactsValidator.Validate(Good() with { OtherFunding = [new OtherFundingInput("市市场监管局", "市级", "0.00", null)] }, Today)
            .Value!.OtherFunding.Single().Purpose.Should().Be(FundingPurpose.LitigationFee);

    [Fact]
    public void A_funding_for_another_purpose_keeps_it() =>
        ClaimFactsValidator.Validate(Good() with { OtherFunding = [new OtherFundingInput("市市场监管局", "市级", "0.00", null, "other")] }, Today)
            .Value!.OtherFunding.Single().Purpose.Should().Be(FundingPurpose.Other);
}
