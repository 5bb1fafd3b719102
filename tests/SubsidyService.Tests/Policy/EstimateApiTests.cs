using System.Net;
using System.Text;
using FluentAssertions;
using SubsidyService.Domain.Policy;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using static SubsidyService.Tests.Policy.EstimateFacts;

namespace SubsidyService.Tests.Policy;

public sealed class EstimateApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    // POLICY.md "Worked examples", row by row.
    [Theory]
    [InlineData("natural_person", "won", "patent_infringement", true, false, "8000.00", true, "4000.00", "natural_person", false, "")]
    [InlineData("natural_person", "won", "patent_infringement", true, false, "12000.00", true, "5000.00", "natural_person", true, "")]
    [InlineData("enterprise", "won", "patent_infringement", true, false, "30000.00", true, "10000.00", "legal_person", true, "")]
    [InlineData("enterprise", "won", "patent_infringement", true, true, "30000.00", true, "15000.00", "major_or_foreign", false, "")]
    [InlineData("natural_person", "won", "trademark", true, false, "10000.00", true, "0.00", null, false, "case_type_not_covered")]
    [InlineData("natural_person", "settled", "patent_infringement", false, false, "10000.00", false, "0.00", "natural_person", false, "not_domiciled,not_won,no_invoice")]
    public async Task Every_worked_example_of_the_policy_gives_its_amount(
        string applicantType, string outcome, string caseType, bool domiciled, bool foreign, string fee, bool invoiced,
        string amount, string? tier, bool capApplied, string reasons)
    {
        var facts = Valid(applicantType, fee, invoiced ? fee : null);
        facts["outcome"] = outcome;
        facts["caseType"] = caseType;
        facts["domicileInCounty"] = domiciled;
        facts["foreignRelated"] = foreign;

        var response = await PostAsync(_client, facts);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await JsonAsync(response);
        json.GetProperty("amount").GetString().Should().Be(amount);
        json.GetProperty("tier").GetString().Should().Be(tier);
        json.GetProperty("capApplied").GetBoolean().Should().Be(capApplied);
        json.GetProperty("eligible").GetBoolean().Should().Be(reasons.Length == 0);
        json.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString())
            .Should().Equal(reasons.Split(',', StringSplitOptions.RemoveEmptyEntries));
        json.GetProperty("policyVersion").GetString().Should().Be("2023-item13");
        json.GetProperty("policyTitle").GetString().Should().Be("2023年版（第十三项）", "people read the version by its title");
        json.GetProperty("rate").GetString().Should().Be("0.50");
    }

    [Fact]
    public async Task The_answer_carries_every_figure_as_two_decimal_strings_words_and_a_quoted_trace()
    {
        var json = await JsonAsync(await PostAsync(_client, Valid(fee: "12000.00", invoice: "11000.50")));

        json.GetProperty("feeBase").GetString().Should().Be("11000.50");
        json.GetProperty("uncappedAmount").GetString().Should().Be("5500.25");
        json.GetProperty("cap").GetString().Should().Be("5000.00");
        json.GetProperty("amount").GetString().Should().Be("5000.00");
        json.GetProperty("amountInWords").GetString().Should().Be("人民币伍仟元整");
        var trace = json.GetProperty("trace").EnumerateArray().ToList();
        trace.Should().NotBeEmpty();
        trace.Should().OnlyContain(t => Item13.SourceText.Contains(t.GetProperty("clause").GetString()!));
        trace.Should().Contain(t => t.GetProperty("clause").GetString() == Item13.NaturalPersonCap);
    }

    [Fact]
    public async Task Without_a_tier_the_cap_is_null()
    {
        var facts = Valid();
        facts["caseType"] = "copyright";
        var json = await JsonAsync(await PostAsync(_client, facts));
        json.GetProperty("tier").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        json.GetProperty("cap").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("id_checksum", "idNumber")]
    [InlineData("uscc_checksum", "idNumber")]
    [InlineData("fee_three_decimals", "agencyFee")]
    [InlineData("fee_negative", "agencyFee")]
    [InlineData("fee_zero", "agencyFee")]
    [InlineData("fee_above_maximum", "agencyFee")]
    [InlineData("fee_not_a_number", "agencyFee")]
    [InlineData("fee_as_json_number", "agencyFee")]
    [InlineData("unknown_case_type", "caseType")]
    [InlineData("unknown_applicant_type", "applicantType")]
    [InlineData("missing_name", "name")]
    [InlineData("missing_domicile", "domicileInCounty")]
    [InlineData("missing_judgment_date", "judgmentEffectiveDate")]
    [InlineData("judgment_in_the_future", "judgmentEffectiveDate")]
    [InlineData("invoice_7_digits", "invoices[0].number")]
    [InlineData("invoice_21_digits", "invoices[0].number")]
    [InlineData("invoice_letters", "invoices[0].number")]
    [InlineData("invoice_amount_three_decimals", "invoices[0].amount")]
    [InlineData("second_invoice_missing_number", "invoices[1].number")]
    [InlineData("funding_negative", "otherFunding[0].amount")]
    public async Task Bad_input_is_a_400_naming_the_field(string breakage, string field)
    {
        var facts = Valid();
        Break(facts, breakage);

        var response = await PostAsync(_client, facts);

        await response.ShouldBeValidationProblemNamingAsync(field);
    }

    private static void Break(Dictionary<string, object?> facts, string breakage)
    {
        var invoice = ((List<object>)facts["invoices"]!)[0] as Dictionary<string, object?>;
        switch (breakage)
        {
            case "id_checksum":
                var good = PersonId();
                facts["idNumber"] = good[..17] + (good[17] == '0' ? '1' : '0');
                break;
            case "uscc_checksum":
                facts["applicantType"] = "enterprise";
                var code = CompanyCode();
                facts["idNumber"] = code[..17] + (code[17] == '0' ? '1' : '0');
                break;
            case "fee_three_decimals": facts["agencyFee"] = "8000.001"; break;
            case "fee_negative": facts["agencyFee"] = "-8000.00"; break;
            case "fee_zero": facts["agencyFee"] = "0.00"; break;
            case "fee_above_maximum": facts["agencyFee"] = "100000000.01"; break;
            case "fee_not_a_number": facts["agencyFee"] = "八千"; break;
            case "fee_as_json_number": facts["agencyFee"] = 8000; break;
            case "unknown_case_type": facts["caseType"] = "PatentInfringement"; break;
            case "unknown_applicant_type": facts["applicantType"] = "company"; break;
            case "missing_name": facts.Remove("name"); break;
            case "missing_domicile": facts.Remove("domicileInCounty"); break;
            case "missing_judgment_date": facts.Remove("judgmentEffectiveDate"); break;
            case "judgment_in_the_future":
                facts["judgmentEffectiveDate"] = DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyy-MM-dd");
                break;
            case "invoice_7_digits": invoice!["number"] = "1234567"; break;
            case "invoice_21_digits": invoice!["number"] = "123456789012345678901"; break;
            case "invoice_letters": invoice!["number"] = "1234ABCD90"; break;
            case "invoice_amount_three_decimals": invoice!["amount"] = "10.005"; break;
            case "second_invoice_missing_number":
                ((List<object>)facts["invoices"]!).Add(new Dictionary<string, object?> { ["amount"] = "10.00" });
                break;
            case "funding_negative":
                facts["otherFunding"] = new List<object> { new Dictionary<string, object?> { ["source"] = "市知识产权局", ["level"] = "市级", ["amount"] = "-1.00" } };
                break;
            default: throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var facts = Valid();
        facts["idNumber"] = "123";
        facts["agencyFee"] = "1.234";
        facts["outcome"] = "victory";
        ((Dictionary<string, object?>)((List<object>)facts["invoices"]!)[0])["number"] = "12";

        var json = await (await PostAsync(_client, facts)).ShouldBeValidationProblemNamingAsync("idNumber", "agencyFee", "outcome", "invoices[0].number");
        json.GetProperty("errors").EnumerateObject().Should().HaveCount(4);
    }

    [Theory]
    [InlineData("{\"applicantType\": \"natural_person\", ")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{\"invoices\": {\"number\": \"12345678\"}}")]
    public async Task Malformed_json_is_a_400_never_a_500(string body)
    {
        var response = await _client.PostAsync("/api/v1/estimate", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_judgment_date_no_version_covers_is_answered_ineligible_with_the_reason_in_Chinese()
    {
        var facts = Valid();
        facts["judgmentEffectiveDate"] = "2019-06-30";

        var response = await PostAsync(_client, facts);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "POLICY.md: no_policy_in_force is an answer, not a 400");
        var json = await JsonAsync(response);
        json.GetProperty("eligible").GetBoolean().Should().BeFalse();
        json.GetProperty("amount").GetString().Should().Be("0.00");
        var reason = json.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "no_policy_in_force");
        reason.GetProperty("message").GetString().Should().Contain("早于补助政策施行日期");
    }
}
