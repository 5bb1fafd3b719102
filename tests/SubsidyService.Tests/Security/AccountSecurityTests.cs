using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>Sessions that can be ended, and lockouts that cannot be raced or abused.</summary>
public sealed class AccountSecurityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<HttpResponseMessage> LoginAsync(string username, string password)
    {
        using var client = fixture.App.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
    }

    [Fact]
    public async Task Logout_everywhere_revokes_every_token_of_the_account_at_its_next_request()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var first = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        var second = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        (await first.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await first.PostAsync("/api/v1/auth/logout-all", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await first.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        await (await second.GetAsync("/api/v1/claims")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        var fresh = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        (await fresh.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_password_change_ends_the_old_sessions_and_needs_the_current_password()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var client = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        await (await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "wrong", newPassword = "Another-Passw0rd!" }))
            .ShouldBeValidationProblemNamingAsync("currentPassword");
        (await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = SubsidyApp.Password, newPassword = "Another-Passw0rd!" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        (await LoginAsync(user.Username, "Another-Passw0rd!")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_disables_an_account_its_sessions_end_and_it_cannot_sign_in_until_enabled()
    {
        var (admin, _) = await fixture.App.ClientAsAsync(Roles.Admin);
        var user = await fixture.App.CreateUserAsync(Roles.Verifier);
        var client = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        (await applicant.PostAsync($"/api/v1/users/{user.Id}/disable", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await admin.PostAsync($"/api/v1/users/{user.Id}/disable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await client.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        await (await LoginAsync(user.Username, SubsidyApp.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "account_disabled");

        (await admin.PostAsync($"/api/v1/users/{user.Id}/enable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await LoginAsync(user.Username, SubsidyApp.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_applicant_never_sees_staff_usernames_nor_what_screening_matched()
    {
        var (verifier, verifierUser) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var (first, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (second, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var firstClaim = await ClaimApi.MustFireAsync(first, await ClaimApi.CreateAsync(first), "submit");
        await ClaimApi.MustFireAsync(verifier, firstClaim, "start_review");
        var caseNumber = firstClaim.GetProperty("facts").GetProperty("caseNumber").GetString()!;
        var secondClaim = await ClaimApi.MustFireAsync(second, await ClaimApi.CreateAsync(second, b =>
        {
            b["caseNumber"] = caseNumber;
            b["idNumber"] = Policy.EstimateFacts.PersonId("11010519491231002");
        }), "submit");

        var seenBySecond = (await ClaimApi.GetAsync(second, secondClaim.Id())).ToString();
        seenBySecond.Should().NotContain(firstClaim.Id().ToString()).And.NotContain("共同原告）" + firstClaim.Id());
        var seenByFirst = (await ClaimApi.GetAsync(first, firstClaim.Id()));
        seenByFirst.GetProperty("screening").EnumerateArray().Should().NotBeEmpty("the first claim learns of the second");
        seenByFirst.ToString().Should().NotContain(secondClaim.Id().ToString()).And.NotContain(verifierUser.Username);
        seenByFirst.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("actor").GetString())
            .Should().Contain(a => a!.StartsWith(Roles.DisplayName(Roles.Verifier)));
        (await ClaimApi.GetAsync(verifier, firstClaim.Id())).ToString().Should().Contain(secondClaim.Id().ToString(), "staff see the match");
    }
}
