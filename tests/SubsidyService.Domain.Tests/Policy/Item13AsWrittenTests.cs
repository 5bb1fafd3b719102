using FluentAssertions;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>POLICY.md "Who may claim, and what one claim covers": party role, instances, invoice codes, the window's last day.</summary>
public class Item13AsWrittenTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private const string Digital = "24332000000012345678";

    private static ClaimFactsInput Good(params InvoiceInput[] invoices) => new(
        "natural_person", "张三", "11010519491231002X", true, "（2024）浙02民初123号", "宁波市中级人民法院",
        "patent_infringement", "won", "2025-06-01", false, false, "8000.00",
        invoices.Length == 0 ? [new InvoiceInput(Digital, "8000.00", null)] : invoices, []);

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(ClaimFactsInput input) =>
        ClaimFactsValidator.Validate(input, Today).Errors;

    [Theory]
    [InlineData(Digital, null, Digital, null)]
    [InlineData(Digital, null, "２４３３２０００００００１２３４５６７８", null)]
    [InlineData("12345678", "3300231130", "１２３４５６７８", " 3300231130 ")]
    public void The_same_invoice_twice_is_refused_naming_the_second(string number1, string? code1, string number2, string? code2)
    {
        var errors = ErrorsOf(Good(new InvoiceInput(number1, "4000.00", null, code1), new InvoiceInput(number2, "4000.00", null, code2)));
        errors.Keys.Should().Equal("invoices[1].number");
        errors["invoices[1].number"].Single().Should().Contain("第 1 张");
    }

    [Fact]
    public void One_number_under_two_codes_is_two_invoices()
    {
        var result = ClaimFactsValidator.Validate(Good(
            new InvoiceInput("12345678", "4000.00", null, "3300231130"), new InvoiceInput("12345678", "4000.00", null, "330023113012")), Today);
        result.IsValid.Should().BeTrue(string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        result.Value!.Invoices.Select(i => i.Identity).Should().Equal("3300231130-12345678", "330023113012-12345678");
    }

    [Theory]
    [InlineData("12345678", null)]
    [InlineData("12345678", " ")]
    [InlineData("12345678", "330023113")]
    [InlineData("12345678", "33002311301")]
    [InlineData("12345678", "3300A31130")]
    [InlineData(Digital, "3300231130")]
    public void An_old_invoice_needs_a_10_or_12_digit_code_and_no_other_takes_one(string number, string? code)
    {
        ErrorsOf(Good(new InvoiceInput(number, "8000.00", null, code))).Keys.Should().Equal("invoices[0].code");
    }

    [Fact]
    public void Stored_facts_from_before_codes_still_load_and_count_a_repeated_invoice_once()
    {
        var input = Good(new InvoiceInput("12345678", "5000.00", null), new InvoiceInput("12345678", "5000.00", null));
        ClaimFactsValidator.Validate(input, Today).IsValid.Should().BeFalse();

        var stored = ClaimFactsValidator.Validate(input, Today, stored: true);
        stored.IsValid.Should().BeTrue();
        stored.Value!.PartyRole.Should().Be(PartyRole.Plaintiff);
        stored.Value.RelatedCaseNumbers.Should().BeEmpty();
        stored.Value.Invoices.Should().ContainSingle().Which.Code.Should().BeNull();
        PolicyEvaluator.Evaluate(stored.Value, PolicyVersion.Default, new EvaluationContext(Today)).FeeBase.Should().Be(5_000.00m);
    }

    [Fact]
    public void A_repeated_invoice_in_facts_is_never_counted_twice_in_the_fee_base()
    {
        var invoice = new Invoice("12345678", 4_000.00m, null, "3300231130");
        var e = Facts.Evaluate(Facts.Eligible(fee: 8_000.00m) with { Invoices = [invoice, invoice with { }] });
        e.FeeBase.Should().Be(4_000.00m);
        e.Amount.Should().Be(2_000.00m);
    }

    [Fact]
    public void Party_role_defaults_to_plaintiff_and_a_defendant_is_not_the_rights_holder()
    {
        ClaimFactsValidator.Validate(Good(), Today).Value!.PartyRole.Should().Be(PartyRole.Plaintiff);
        ErrorsOf(Good() with { PartyRole = "respondent" }).Keys.Should().Equal("partyRole");

        var defendant = ClaimFactsValidator.Validate(Good() with { PartyRole = "defendant" }, Today).Value!;
        var e = PolicyEvaluator.Evaluate(defendant, PolicyVersion.Default, new EvaluationContext(Today));
        e.Eligible.Should().BeFalse();
        e.Amount.Should().Be(0.00m);
        e.Reasons.Should().ContainSingle().Which.Code.Should().Be(ReasonCode.NotRightsHolder);
        e.Trace.Should().Contain(t => t.Clause == Item13.WinningClaimant && t.Step.Contains("被告"));
    }

    [Fact]
    public void Related_case_numbers_are_every_other_instance_and_compared_in_canonical_form()
    {
        var facts = ClaimFactsValidator.Validate(Good() with { CaseNumber = "（2024）浙民终45号", RelatedCaseNumbers = ["〔2023〕浙02民初 123 号"] }, Today).Value!;
        facts.RelatedCaseNumbers.Should().Equal("〔2023〕浙02民初 123 号");
        facts.CanonicalCaseNumbers.Should().Equal("(2024)浙民终45号", "(2023)浙02民初123号");
    }

    [Theory]
    [InlineData("(2024)浙02民初123号")]
    [InlineData("")]
    public void A_related_number_that_is_the_case_itself_or_blank_is_refused(string related)
    {
        ErrorsOf(Good() with { RelatedCaseNumbers = ["(2023)浙02民初1号", related] }).Keys.Should().Equal("relatedCaseNumbers[1]");
    }

    [Fact]
    public void A_window_ending_on_a_holiday_runs_to_the_next_working_day()
    {
        // 2024: National Day 10-01 to 10-07, with 09-29 (Sunday) and 10-12 (Saturday) worked instead.
        var calendar = new WorkingDayCalendar(
            Enumerable.Range(0, 7).Select(i => new DateOnly(2024, 10, 1).AddDays(i)),
            [new DateOnly(2024, 9, 29), new DateOnly(2024, 10, 12)]);
        var version = PolicyVersion.Default with { ApplicationWindowDays = 30 };
        var facts = Facts.Eligible() with { JudgmentEffectiveDate = new DateOnly(2024, 9, 1) };
        ReasonCode[] Reasons(DateOnly applied) =>
            PolicyEvaluator.Evaluate(facts, version, new EvaluationContext(applied, Calendar: calendar)).Reasons.Select(r => r.Code).ToArray();

        Reasons(new DateOnly(2024, 10, 8)).Should().BeEmpty("10-01 + the holiday week: the first working day is 10-08");
        Reasons(new DateOnly(2024, 10, 9)).Should().Equal(ReasonCode.OutsideApplicationWindow);
        PolicyEvaluator.Evaluate(facts, version, new EvaluationContext(new DateOnly(2024, 10, 9), Calendar: calendar))
            .Reasons.Single().Message.Should().Contain("2024-10-08");
    }

    [Fact]
    public void A_window_ending_on_a_working_day_is_not_moved()
    {
        var version = PolicyVersion.Default with { ApplicationWindowDays = 30 };
        var facts = Facts.Eligible() with { JudgmentEffectiveDate = new DateOnly(2024, 6, 1) };   // + 30 = Monday 07-01
        PolicyEvaluator.Evaluate(facts, version, new EvaluationContext(new DateOnly(2024, 7, 2))).Reasons
            .Select(r => r.Code).Should().Equal(ReasonCode.OutsideApplicationWindow);
    }
}
