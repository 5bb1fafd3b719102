using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Accounts;

/// <summary>
/// The administrator's account page: disable and enable, a one-time password its owner must replace, a role change;
/// never on one's own account, never leaving the service without an administrator; each act in the security log.
/// </summary>
public sealed partial class AccountAdministrationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<HttpResponseMessage> ActAsync(HttpClient admin, Guid id, string handler, params (string Name, string Value)[] fields)
    {
        var path = $"/Admin/Users/{id}";
        var token = await PageForms.TokenAsync(admin, path);
        token.Should().NotBeEmpty();
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await admin.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(form));
    }

    private async Task<string> SecurityLogAsync()
    {
        var (auditor, _) = await fixture.App.ClientAsAsync(Roles.Auditor);
        return await auditor.GetStringAsync("/api/v1/audit/security-events");
    }

    private async Task<HttpResponseMessage> LoginAsync(string username, string password)
    {
        using var client = fixture.App.CreateClient();
        return await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
    }

    private async Task<HttpClient> PageLoginAsync(string username, string password)
    {
        var client = PageForms.Browser(fixture.App);
        var token = await PageForms.TokenAsync(client, "/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task A_disabled_account_loses_its_token_and_cookie_at_once_and_signs_in_again_once_enabled()
    {
        var admin = await PageForms.SignedInAsync(fixture.App, Roles.Admin);
        var target = await fixture.App.CreateUserAsync(Roles.Verifier);
        var api = fixture.App.ClientWithToken(await fixture.App.TokenAsync(target.Username));
        var browser = await PageLoginAsync(target.Username, SubsidyApp.Password);
        (await browser.GetAsync("/Verifier")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await admin.GetStringAsync("/Admin")).Should().Contain($"/Admin/Users/{target.Id}");

        var disabled = await ActAsync(admin, target.Id, "Disable");

        disabled.StatusCode.Should().Be(HttpStatusCode.Redirect, await disabled.Content.ReadAsStringAsync());
        await (await api.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        (await browser.GetAsync("/Verifier")).Headers.Location!.ToString().Should().StartWith("/Account/Login");
        await (await LoginAsync(target.Username, SubsidyApp.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "account_disabled");
        var page = await admin.GetStringAsync($"/Admin/Users/{target.Id}");
        page.Should().Contain("账户已停用").And.Contain("启用账户");

        (await ActAsync(admin, target.Id, "Enable")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LoginAsync(target.Username, SubsidyApp.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        var log = await SecurityLogAsync();
        log.Should().Contain($"account_disabled").And.Contain("account_enabled");
        log.Split('\n').Should().Contain(l => l.Contains("account_disabled") && l.Contains(target.Id.ToString()));
    }

    [Fact]
    public async Task A_reset_password_is_shown_once_and_must_be_changed_before_anything_else()
    {
        var admin = await PageForms.SignedInAsync(fixture.App, Roles.Admin);
        var target = await fixture.App.CreateUserAsync(Roles.Applicant);
        var oldToken = fixture.App.ClientWithToken(await fixture.App.TokenAsync(target.Username));

        var reset = await ActAsync(admin, target.Id, "Reset");
        var html = await reset.Content.ReadAsStringAsync();
        reset.StatusCode.Should().Be(HttpStatusCode.OK, html);
        var oneTime = OneTimePassword().Match(html).Groups[1].Value;
        oneTime.Should().HaveLength(AccountAdministration.OneTimePasswordLength);
        (await admin.GetStringAsync($"/Admin/Users/{target.Id}")).Should().NotContain(oneTime, "it is shown once only");

        await (await oldToken.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        await (await LoginAsync(target.Username, SubsidyApp.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        // The API: the token works for nothing but the password change.
        var login = await LoginAsync(target.Username, oneTime);
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var api = fixture.App.ClientWithToken((await login.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken);
        await (await api.GetAsync("/api/v1/claims")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "password_change_required");
        (await api.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        // The pages: sign-in leads to the change-password page, and every other page back to it.
        var browser = PageForms.Browser(fixture.App);
        var token = await PageForms.TokenAsync(browser, "/Account/Login");
        var signIn = await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = target.Username, ["Password"] = oneTime, ["__RequestVerificationToken"] = token,
        }));
        signIn.Headers.Location!.ToString().Should().Be("/Account/Password");
        (await browser.GetAsync("/Applicant")).Headers.Location!.ToString().Should().Be("/Account/Password");
        (await browser.GetStringAsync("/Account/Password")).Should().Contain("系统管理员已重置您的密码");

        var formToken = await PageForms.TokenAsync(browser, "/Account/Password");
        var changed = await browser.PostAsync("/Account/Password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = oneTime, ["NewPassword"] = "Mine-Again-2026", ["ConfirmPassword"] = "Mine-Again-2026",
            ["__RequestVerificationToken"] = formToken,
        }));
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        (await browser.GetAsync("/Applicant")).StatusCode.Should().Be(HttpStatusCode.OK, "the page signed its person in again under the new password");
        await (await api.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        var fresh = fixture.App.ClientWithToken(await fixture.App.TokenAsync(target.Username, "Mine-Again-2026"));
        (await fresh.GetAsync("/api/v1/claims")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await SecurityLogAsync()).Split('\n').Should().Contain(l => l.Contains("password_reset") && l.Contains(target.Id.ToString()))
            .And.Contain(l => l.Contains("password_changed") && l.Contains(target.Id.ToString()));
    }

    [Fact]
    public async Task Through_the_api_a_reset_password_is_changed_with_the_one_time_one()
    {
        var admin = (await fixture.App.ClientAsAsync(Roles.Admin)).User.AsActor();
        var target = await fixture.App.CreateUserAsync(Roles.Finance);
        var oneTime = (await fixture.App.Service<AccountAdministration>().ResetPasswordAsync(admin, target.Id)).Value!;
        var api = fixture.App.ClientWithToken(await fixture.App.TokenAsync(target.Username, oneTime));
        await (await api.GetAsync("/api/v1/budgets/2026")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "password_change_required");

        (await api.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = oneTime, newPassword = "Finance-Own-2026" }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        var fresh = fixture.App.ClientWithToken(await fixture.App.TokenAsync(target.Username, "Finance-Own-2026"));
        (await fresh.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await fresh.GetAsync("/api/v1/claims")).StatusCode.Should().NotBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_role_change_ends_the_old_sessions_and_the_next_sign_in_has_the_new_role()
    {
        var admin = await PageForms.SignedInAsync(fixture.App, Roles.Admin);
        var target = await fixture.App.CreateUserAsync(Roles.Verifier);
        var old = fixture.App.ClientWithToken(await fixture.App.TokenAsync(target.Username));

        var changed = await ActAsync(admin, target.Id, "Role", ("role", Roles.Finance));

        changed.StatusCode.Should().Be(HttpStatusCode.Redirect, await changed.Content.ReadAsStringAsync());
        await (await old.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        var login = await (await LoginAsync(target.Username, SubsidyApp.Password)).Content.ReadFromJsonAsync<LoginResponse>();
        login!.Role.Should().Be(Roles.Finance);
        (await SecurityLogAsync()).Split('\n').Should().Contain(l => l.Contains("role_changed") && l.Contains(target.Id.ToString()) && l.Contains("财务审批"));

        var applicant = await fixture.App.CreateUserAsync(Roles.Applicant);
        var refused = await (await ActAsync(admin, applicant.Id, "Role", ("role", Roles.Verifier))).Content.ReadAsStringAsync();
        refused.Should().Contain("data-field=\"role\"").And.Contain("申请人账户不能改为工作人员账户");
        (await fixture.App.Service<UserStore>().FindAsync(applicant.Id))!.Role.Should().Be(Roles.Applicant);
    }

    [Fact]
    public async Task An_admin_cannot_disable_demote_or_reset_their_own_account()
    {
        var (api, me) = await fixture.App.ClientAsAsync(Roles.Admin);
        await (await api.PostAsync($"/api/v1/users/{me.Id}/disable", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "own_account");

        var administration = fixture.App.Service<AccountAdministration>();
        (await administration.ChangeRoleAsync(me.AsActor(), me.Id, Roles.Auditor))!.Code.Should().Be("own_account");
        (await administration.ResetPasswordAsync(me.AsActor(), me.Id)).Refusal!.Code.Should().Be("own_account");
        var row = (await fixture.App.Service<UserStore>().FindAsync(me.Id))!;
        row.Role.Should().Be(Roles.Admin);
        row.DisabledAt.Should().BeNull();
        (await api.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_last_enabled_administrator_is_neither_disabled_nor_demoted()
    {
        var last = await fixture.App.CreateUserAsync(Roles.Admin);
        var gone = await fixture.App.CreateUserAsync(Roles.Admin);
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
            await conn.ExecuteAsync("UPDATE users SET disabled_at = now() WHERE role = 'admin' AND id <> @id", new { id = last.Id });
        // An administrator disabled a moment ago, whose page was still open, acts on the one who is left.
        var administration = fixture.App.Service<AccountAdministration>();

        (await administration.DisableAsync(gone.AsActor(), last.Id))!.Code.Should().Be("last_admin");
        (await administration.ChangeRoleAsync(gone.AsActor(), last.Id, Roles.Auditor))!.Code.Should().Be("last_admin");

        (await fixture.App.Service<UserStore>().FindAsync(last.Id))!.Should().Match<User>(u => u.Role == Roles.Admin && u.DisabledAt == null);
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
            await conn.ExecuteAsync("UPDATE users SET disabled_at = NULL WHERE role = 'admin'");
    }

    [GeneratedRegex("<strong class=\"otp\">([^<]+)</strong>")]
    private static partial Regex OneTimePassword();
}
