using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Security;

/// <summary>Sessions end on the server: a copied cookie or token is refused after sign-out, past the absolute lifetime, or (staff) when idle.</summary>
public sealed class SessionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_sent_to_the_login_page()
    {
        var browser = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var copy = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", browser.SignInCookie);
        (await copy.GetAsync("/Verifier")).StatusCode.Should().Be(HttpStatusCode.OK, "the copy works while the session is open");

        (await browser.PostAsync("/Verifier", "/Account/Logout", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var replay = await copy.GetAsync("/Verifier");
        replay.StatusCode.Should().Be(HttpStatusCode.Redirect);
        replay.Headers.Location!.ToString().Should().StartWith("/Account/Login");
    }

    [Fact]
    public async Task A_token_replayed_after_sign_out_is_refused_and_the_accounts_other_sessions_go_on()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var signedOut = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        var other = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));

        (await signedOut.PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await signedOut.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        (await other.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_sliding_cookie_still_ends_at_the_absolute_lifetime()
    {
        var clock = new ShiftableClock();
        await using var app = new SubsidyApp(fixture.ConnectionString, clock);
        var browser = await PageBrowser.SignInAsync(app, Roles.Applicant);
        foreach (var hours in new[] { 2.0, 4.5, 6.5, 7.9 })
        {
            clock.Shift = TimeSpan.FromHours(hours);
            (await browser.Client.GetAsync("/Applicant")).StatusCode.Should().Be(HttpStatusCode.OK, $"in use at {hours} h");
        }
        clock.Shift = TimeSpan.FromHours(8.05);
        var late = await browser.Client.GetAsync("/Applicant");
        late.StatusCode.Should().Be(HttpStatusCode.Redirect, "the cookie slid past 8 h but the session did not");
        late.Headers.Location!.ToString().Should().StartWith("/Account/Login");
    }

    [Fact]
    public async Task A_staff_session_left_idle_for_30_minutes_ends_while_a_busy_one_goes_on()
    {
        var clock = new ShiftableClock();
        await using var app = new SubsidyApp(fixture.ConnectionString, clock);
        var busy = await PageBrowser.SignInAsync(app, Roles.Verifier);
        var user = await app.CreateUserAsync(Roles.Finance);
        var idle = app.ClientWithToken(await app.TokenAsync(user.Username));

        clock.Shift = TimeSpan.FromMinutes(25);
        (await busy.Client.GetAsync("/Verifier")).StatusCode.Should().Be(HttpStatusCode.OK);
        clock.Shift = TimeSpan.FromMinutes(50);
        (await busy.Client.GetAsync("/Verifier")).StatusCode.Should().Be(HttpStatusCode.OK, "used 25 minutes ago");

        await (await idle.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        var applicant = await app.CreateUserAsync(Roles.Applicant);
        var applicantClient = app.ClientWithToken(await app.TokenAsync(applicant.Username));
        clock.Shift = TimeSpan.FromMinutes(90);
        (await applicantClient.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK, "applicants have no idle limit");
    }
}
