using System.Net;
using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Claims;

/// <summary>The undertaking (承诺书): no submission without it, and the log keeps which text was accepted.</summary>
public sealed class UndertakingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static UndertakingText Shipped => UndertakingText.Load(Path.Combine(TestMachine.RepositoryRoot(), "templates"));

    [Fact]
    public async Task A_submission_without_data_is_refused_naming_the_undertaking_and_changes_nothing()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant);
        var response = await ClaimApi.FireAsync(applicant, claim, "submit", data: ClaimApi.NoData);
        await response.ShouldBeValidationProblemNamingAsync("data.undertakingAccepted");
        (await ClaimApi.GetAsync(applicant, claim.Id())).Status().Should().Be("draft");
    }

    [Fact]
    public async Task A_submission_that_declines_the_undertaking_is_refused()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant);
        var response = await ClaimApi.FireAsync(applicant, claim, "submit", data: new { undertakingAccepted = false });
        await response.ShouldBeValidationProblemNamingAsync("data.undertakingAccepted");
    }

    [Fact]
    public async Task The_submit_event_keeps_the_version_and_sha256_of_the_text_accepted()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        var staffView = await ClaimApi.GetAsync(verifier, claim.Id());
        var submit = staffView.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("trigger").GetString() == "submit");
        var undertaking = submit.GetProperty("data").GetProperty("undertaking");
        undertaking.GetProperty("version").GetString().Should().Be("2026-1");
        var text = Shipped.Text;
        text.Should().StartWith("申请人承诺书");
        undertaking.GetProperty("sha256").GetString().Should().Be(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant());
    }

    [Fact]
    public async Task The_page_shows_the_text_and_a_post_without_the_tick_keeps_the_draft()
    {
        var applicant = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var id = await PageFlows.CreateClaimAsync(applicant);
        var page = $"/Applicant/Claims/{id}";
        var html = await applicant.HtmlAsync(page);
        html.Should().Contain("申请人承诺书").And.Contain("name=\"undertakingAccepted\"").And.Contain("承诺书版本 2026-1");

        var refused = await PageFlows.FireAsync(applicant, page, "submit", PageBrowser.VersionOn(html),
            new Dictionary<string, string> { ["undertakingAccepted"] = "false" });
        var text = await PageBrowser.HtmlOf(refused);
        text.Should().Contain("须阅读并勾选同意《申请人承诺书》").And.Contain("aria-invalid=\"true\"");
        (await applicant.HtmlAsync(page)).Should().Contain("草稿");
    }
}
