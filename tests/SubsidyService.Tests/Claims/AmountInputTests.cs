using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Claims;

/// <summary>Amounts as applicants write them, through the API and the claim form; what is still refused is named.</summary>
public sealed class AmountInputTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("8,000", "8000.00")]
    [InlineData("8000.5", "8000.50")]
    [InlineData("８０００", "8000.00")]
    [InlineData("8000元", "8000.00")]
    [InlineData("  8,000.00 元 ", "8000.00")]
    public async Task The_api_reads_amounts_as_people_write_them_and_answers_in_its_own_form(string written, string stored)
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var response = await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(b =>
        {
            b["agencyFee"] = written;
            ((Dictionary<string, object?>)((List<object>)b["invoices"]!)[0])["amount"] = written;
        }));
        var claim = await ClaimApi.JsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.Created, claim.ToString());
        claim.GetProperty("facts").GetProperty("agencyFee").GetString().Should().Be(stored);
        claim.GetProperty("facts").GetProperty("invoices")[0].GetProperty("amount").GetString().Should().Be(stored);
        claim.GetProperty("estimate").GetProperty("feeBase").GetString().Should().Be(stored);
    }

    [Fact]
    public async Task The_estimate_reads_a_full_width_fee_with_a_yuan_sign()
    {
        var facts = EstimateFacts.Valid(fee: "８，０００元", invoice: "8,000");
        var json = await EstimateFacts.JsonAsync(await EstimateFacts.PostAsync(fixture.App.CreateClient(), facts));
        json.GetProperty("amount").GetString().Should().Be("4000.00");
    }

    [Theory]
    [InlineData("8.000", "小数点后最多两位")]
    [InlineData("8000.001", "小数点后最多两位")]
    [InlineData("1,00", "金额格式不正确")]
    [InlineData("-8000", "金额须大于零")]
    [InlineData("0", "金额须大于零")]
    [InlineData("Infinity", "金额格式不正确")]
    [InlineData("NaN", "金额格式不正确")]
    [InlineData("1e4", "金额格式不正确")]
    [InlineData("100000000.01", "金额不能超过 100,000,000.00 元")]
    [InlineData("99999999999999999999999999999999999999999", "金额不能超过 100,000,000.00 元")]
    public async Task What_the_api_still_refuses_is_named_and_nothing_is_stored(string written, string reason)
    {
        var (applicant, user) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var response = await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(b => b["agencyFee"] = written));
        var problem = await response.ShouldBeValidationProblemNamingAsync("agencyFee");
        problem.GetProperty("errors").GetProperty("agencyFee")[0].GetString().Should().Be($"维权代理费：{reason}");
        problem.GetProperty("detail").GetString().Should().Be($"请修改：维权代理费：{reason}。", "the detail names the field, not just that one is wrong");
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await Dapper.SqlMapper.ExecuteScalarAsync<long>(conn, "SELECT count(*) FROM claims WHERE applicant_id = @Id", new { user.Id }))
            .Should().Be(0);
    }

    [Fact]
    public async Task The_claim_form_takes_commas_full_width_digits_and_a_trailing_yuan()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var fields = ClaimFormFields.Valid();
        fields["agencyFee"] = " 8,000 元";
        fields["invoices[0].amount"] = "８０００．００";

        var id = await PageFlows.CreateClaimAsync(applicant, fields);

        var edit = await applicant.HtmlAsync($"/Applicant/Claims/{id}/Edit");
        edit.Should().Contain("value=\"8000.00\"", "the amount is kept in one form, whatever was typed");
        (await applicant.HtmlAsync($"/Applicant/Claims/{id}")).Should().Contain("4,000.00 元");
    }

    [Fact]
    public async Task The_claim_form_names_what_is_wrong_with_an_amount_and_keeps_what_was_typed()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var fields = ClaimFormFields.Valid();
        fields["agencyFee"] = "8.000";
        fields["invoices[0].amount"] = "-8000";

        var post = await applicant.PostAsync("/Applicant/Claims/New", "/Applicant/Claims/New", fields);

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await PageBrowser.HtmlOf(post);
        html.Should().Contain("小数点后最多两位").And.Contain("金额须大于零");
        html.Should().Contain("value=\"8.000\"", "what was typed is shown again to be corrected");
    }
}
