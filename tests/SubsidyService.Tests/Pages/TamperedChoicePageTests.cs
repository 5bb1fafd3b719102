using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>
/// A value no drop-down offers, as only a tampered post sends: the page asks, in the field's own Chinese name, to
/// choose from the list, and shows neither the value sent nor the codes the API accepts. The API keeps naming them.
/// </summary>
public sealed partial class TamperedChoicePageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_claim_form_asks_to_choose_the_applicant_type_and_outcome_from_the_list()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var fields = ClaimFormFields.Valid();
        fields["applicantType"] = "robot_corp";
        fields["outcome"] = "won_big";

        var post = await applicant.PostAsync("/Applicant/Claims/New", "/Applicant/Claims/New", fields);
        var html = await PageBrowser.HtmlOf(post);

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        ErrorUnder(html, "applicantType").Should().Be("请从列表中选择申请人类型。");
        ErrorUnder(html, "outcome").Should().Be("请从列表中选择案件结果。");
        SummaryLines(html).Should().Contain("请从列表中选择申请人类型。").And.OnlyContain(line => !AsciiWord().IsMatch(line),
            "the summary at the top shows no codes either");
        html.Should().NotContain("robot_corp").And.NotContain("natural_person、");
    }

    [Fact]
    public async Task A_rejection_with_a_reason_no_list_offers_asks_to_choose_the_reason()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.SubmittedClaimAsync(applicant);
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var page = $"/Verifier/Claims/{id}";
        var drawn = await verifier.HtmlAsync(page);

        var post = await verifier.PostAsync(page, $"{page}?handler=Reject", new Dictionary<string, string>
        {
            ["Input.Version"] = PageBrowser.VersionOn(drawn).ToString(),
            ["Input.ReasonCode"] = "bribery",
            ["Input.Reason"] = "判决书与案号不符",
        });
        var html = await PageBrowser.HtmlOf(post);

        post.StatusCode.Should().Be(HttpStatusCode.OK);
        ErrorUnder(html, "reasonCode").Should().Be("请从列表中选择驳回原因。");
        SummaryLines(html).Should().OnlyContain(line => !AsciiWord().IsMatch(line));
        html.Should().NotContain("bribery").And.NotContain("evidence_insufficient、");
    }

    [Fact]
    public async Task A_list_filtered_by_a_status_no_list_offers_asks_to_choose_the_status()
    {
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);

        var html = await verifier.HtmlAsync("/Verifier?status=bogus");

        ErrorUnder(html, "status").Should().Be("请从列表中选择状态。");
        html.Should().NotContain("under_review、").And.NotContain("bogus申请", "the count line does not name the value sent");
    }

    [Fact]
    public async Task The_API_still_names_the_codes_it_accepts()
    {
        var (client, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var body = ClaimApi.Body(b => b["applicantType"] = "robot_corp");

        var response = await client.PostAsJsonAsync("/api/v1/claims", body);
        var problem = await ClaimApi.JsonAsync(response);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").GetProperty("applicantType")[0].GetString().Should().Contain("robot_corp").And.Contain("natural_person");
    }

    /// <summary>The message shown under a field, as text.</summary>
    private static string ErrorUnder(string html, string field)
    {
        var match = Regex.Match(html, $"<div class=\"field-error\" data-field=\"{Regex.Escape(field)}\"[^>]*>(.*?)</div>");
        match.Success.Should().BeTrue($"an error is shown under {field}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The lines of the error summary at the top of the page.</summary>
    private static List<string> SummaryLines(string html) =>
        Regex.Matches(Regex.Match(html, "id=\"error-summary\"[\\s\\S]*?</ul>").Value, "<a href=\"#err-[^\"]+\">([^<]*)</a>")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>A word of Latin letters or underscores: an API code (natural_person) or a value sent.</summary>
    [GeneratedRegex("[A-Za-z_]{2,}")]
    private static partial Regex AsciiWord();
}
