using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Domain.Policy;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

public sealed partial class EstimatePageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Browser() => PageForms.Browser(fixture.App);

    private static Dictionary<string, string> Form(string token) => new()
    {
        ["applicantType"] = "natural_person", ["name"] = "张明", ["idNumber"] = EstimateFacts.PersonId(),
        ["domicileInCounty"] = "true", ["caseNumber"] = "（2024）浙02民初123号", ["court"] = "宁波市中级人民法院",
        ["caseType"] = "patent_infringement", ["outcome"] = "won", ["judgmentEffectiveDate"] = "2024-05-20",
        ["agencyFee"] = "12000.00", ["invoices[0].number"] = "12345678", ["invoices[0].code"] = "3302231130", ["invoices[0].amount"] = "12000.00",
        ["invoices[0].issuedOn"] = "2024-03-01", ["__RequestVerificationToken"] = token,
    };

    private static async Task<(HttpClient Client, string Token)> OpenAsync(HttpClient client)
    {
        return (client, await PageForms.TokenAsync(client, "/Estimate"));
    }

    [Fact]
    public async Task The_page_is_public_and_quotes_item_13_in_full()
    {
        var response = await Browser().GetAsync("/Estimate");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("补助测算").And.Contain(Item13.SourceText).And.Contain("/js/estimate.js");
        html.Should().Contain("name=\"invoices[0].number\"").And.Contain(">专利侵权</option>");
    }

    [Fact]
    public async Task Layout_and_home_page_link_to_the_estimate()
    {
        var home = await Browser().GetStringAsync("/");
        LinksToEstimate().Matches(home).Count.Should().BeGreaterThanOrEqualTo(2, "one in the nav, one on the home page");
    }

    [Fact]
    public async Task A_form_post_without_script_shows_the_amount_computed_on_the_server()
    {
        var (client, token) = await OpenAsync(Browser());

        var response = await client.PostAsync("/Estimate", new FormUrlEncodedContent(Form(token)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("<span class=\"figure\">5,000.00</span>").And.Contain("人民币伍仟元整").And.Contain("自然人档").And.Contain("<dt>补助比例</dt><dd>50%</dd>");
        html.Should().Contain($"<q>{Item13.NaturalPersonCap}</q>");
        html.Should().Contain("value=\"12000.00\"", "the form keeps what was typed");
    }

    [Fact]
    public async Task A_bad_form_shows_each_error_under_its_field()
    {
        var (client, token) = await OpenAsync(Browser());
        var form = Form(token);
        form["invoices[0].number"] = "1234567";
        form["agencyFee"] = "12000.001";

        var html = await (await client.PostAsync("/Estimate", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();

        html.Should().Contain("data-field=\"invoices[0].number\"").And.Contain("data-field=\"agencyFee\"");
        html.Should().NotContain("class=\"figure\"");
    }

    [Fact]
    public async Task Rows_are_added_and_removed_without_script()
    {
        var (client, token) = await OpenAsync(Browser());
        var form = Form(token);
        form["add"] = "invoices";
        var added = await (await client.PostAsync("/Estimate", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        added.Should().Contain("name=\"invoices[1].number\"");

        form.Remove("add");
        form["remove"] = "invoices[0]";
        var removed = await (await client.PostAsync("/Estimate", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        removed.Should().NotContain("name=\"invoices[0].number\"");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var form = Form("");
        form.Remove("__RequestVerificationToken");
        (await Browser().PostAsync("/Estimate", new FormUrlEncodedContent(form))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [GeneratedRegex("href=\"/Estimate\"")]
    private static partial Regex LinksToEstimate();
}
