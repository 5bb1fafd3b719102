using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>
/// The exact words of the shared field checks (blank, too long, not a code, not a date, in the future), and the
/// boundary each check draws. The applicant reads these next to the field; one case a test.
/// </summary>
public class FieldErrorWordingTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

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

    private static string[] ErrorsAt(ClaimFactsInput input, string key) => ClaimFactsValidator.Validate(input, Today).Errors[key];

    [Fact]
    public void The_good_input_is_valid() => ClaimFactsValidator.Validate(Good(), Today).IsValid.Should().BeTrue();

    [Fact]
    public void A_blank_text_is_named() => ErrorsAt(Good() with { Name = "  " }, "name").Should().Equal("申请人名称不能为空");

    [Fact]
    public void An_over_long_text_is_named_with_its_limit() =>
        ErrorsAt(Good() with { Name = new string('张', ClaimFactsValidator.MaxNameLength + 1) }, "name").Should().Equal("申请人名称不能超过 100 个字符");

    [Fact]
    public void A_text_of_exactly_the_limit_is_taken() =>
        ClaimFactsValidator.Validate(Good() with { Name = new string('张', ClaimFactsValidator.MaxNameLength) }, Today).Value!.Name
            .Should().Be(new string('张', 100));

    [Fact]
    public void A_blank_code_is_named() => ErrorsAt(Good() with { CaseType = "" }, "caseType").Should().Equal("案件类型不能为空");

    [Fact]
    public void An_unknown_code_is_named_with_every_valid_code() =>
        ErrorsAt(Good() with { Outcome = "victory" }, "outcome").Should()
            .Equal("案件结果“victory”不是有效值，应为 won、partially_won、lost、settled、withdrawn 之一");

    [Fact]
    public void A_missing_flag_is_named() => ErrorsAt(Good() with { DomicileInCounty = null }, "domicileInCounty").Should().Equal("户籍地或注册地在本县不能为空");

    [Fact]
    public void A_blank_amount_is_named() => ErrorsAt(Good() with { AgencyFee = " " }, "agencyFee").Should().Equal("维权代理费不能为空");

    [Fact]
    public void A_malformed_amount_is_named_with_the_reason() =>
        ErrorsAt(Good() with { AgencyFee = "8000.001" }, "agencyFee").Should().Equal("维权代理费：小数点后最多两位");

    [Fact]
    public void A_missing_date_is_named() => ErrorsAt(Good() with { JudgmentEffectiveDate = null }, "judgmentEffectiveDate").Should().Equal("判决生效日期不能为空");

    [Fact]
    public void A_date_after_today_is_named_with_today() =>
        ErrorsAt(Good() with { JudgmentEffectiveDate = "2026-03-02" }, "judgmentEffectiveDate").Should().Equal("判决生效日期不能晚于今天（2026-03-01）");

    [Fact]
    public void A_date_of_today_is_taken() =>
        ClaimFactsValidator.Validate(Good() with { JudgmentEffectiveDate = "2026-03-01" }, Today).Value!.JudgmentEffectiveDate.Should().Be(Today);

    [Fact]
    public void An_impossible_date_is_named() =>
        ErrorsAt(Good() with { JudgmentEffectiveDate = "2025-02-30" }, "judgmentEffectiveDate").Should().Equal("判决生效日期须为 YYYY-MM-DD 格式的有效日期");
}
