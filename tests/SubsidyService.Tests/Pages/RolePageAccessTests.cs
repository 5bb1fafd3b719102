using System.Net;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>Every page of issue 8, and an applicant's account deletion, let in only its own role; anonymous people sent to sign in, other roles refused.</summary>
public sealed class RolePageAccessTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly Guid Someone = Guid.NewGuid();

    public static TheoryData<string, string> FinancePages() => Pages("/Finance", "/Finance/Budget", "/Finance/Claims?status=paid",
        $"/Finance/Claims/{Someone}", $"/Finance/Claims/{Someone}/Letter");

    public static TheoryData<string, string> AuditorPages() => Pages("/Auditor", "/Auditor?handler=Events", "/Auditor?handler=Letters", "/Auditor/Security", "/Auditor/Security?handler=Csv",
        $"/Auditor/Claims/{Someone}", $"/Auditor/Claims/{Someone}/Letter");

    /// <summary>Deleting one's account is an applicant's act: staff accounts are disabled by an administrator.</summary>
    public static TheoryData<string, string> ApplicantAccountPages() => new() { { "/Account/Delete", Roles.Applicant } };

    [Theory]
    [MemberData(nameof(FinancePages))]
    [MemberData(nameof(AuditorPages))]
    [MemberData(nameof(ApplicantAccountPages))]
    public async Task Anonymous_people_are_sent_to_sign_in(string path, string role)
    {
        _ = role;
        var response = await fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Theory]
    [MemberData(nameof(FinancePages))]
    [MemberData(nameof(AuditorPages))]
    [MemberData(nameof(ApplicantAccountPages))]
    public async Task Every_other_role_is_refused(string path, string role)
    {
        foreach (var other in Roles.All.Where(r => r != role))
        {
            var browser = await PageBrowser.SignInAsync(fixture.App, other);
            var response = await browser.Client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{other} on {path}");
            response.Headers.Location!.ToString().Should().Contain("/Account/Denied", $"{other} on {path}");
        }
    }

    [Theory]
    [InlineData("/Notice")]
    [InlineData("/Letters/Verify")]
    [InlineData("/Letters/Verify?number=%E7%9F%A5%E8%A1%A5")]
    public async Task The_public_pages_need_no_sign_in(string path)
    {
        var response = await fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_applicant_gets_the_letter_of_an_own_claim_only()
    {
        var flows = await ApprovalFlows.StartAsync(fixture.App);
        await flows.SetBudgetLeavingAsync(50_000m);
        var approved = await flows.ApprovedClaimAsync();
        var stranger = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);

        (await stranger.Client.GetAsync($"/Applicant/Claims/{approved.Id()}/Letter")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        (await verifier.Client.GetAsync($"/Verifier/Claims/{approved.Id()}/Letter")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static TheoryData<string, string> Pages(params string[] paths)
    {
        var role = paths[0].TrimStart('/').Split('/', '?')[0].ToLowerInvariant();
        var data = new TheoryData<string, string>();
        foreach (var p in paths) data.Add(p, role);
        return data;
    }
}
