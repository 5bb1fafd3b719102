using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Accounts;

/// <summary>
/// An applicant who never submitted a claim deletes the account: drafts, evidence, messages and the account's row go,
/// every token and cookie fails at once, the same name and identity register again, and the chained log gains an
/// event naming the account by id only. A submitted claim keeps the account (409); staff cannot (403).
/// </summary>
public sealed class AccountDeletionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SubsidyApp App => fixture.App;

    private static string UniqueIdNumber() => EstimateFacts.PersonId($"33010219900101{Random.Shared.Next(100, 999)}");

    private static HttpRequestMessage Delete(string? password) => new(HttpMethod.Delete, "/api/v1/auth/account")
    {
        Content = JsonContent.Create(new { currentPassword = password }),
    };

    [Fact]
    public async Task Wrong_passwords_at_deletion_count_in_the_sign_in_throttle_so_a_stolen_session_cannot_guess_the_password()
    {
        var (applicant, user) = await App.ClientAsAsync(Roles.Applicant);
        var answers = new List<HttpResponseMessage>();
        // Five free tries, then a delay that doubles with each further one: a burst meets it within a few tries.
        for (var i = 0; i < 12 && answers.All(a => a.StatusCode != HttpStatusCode.TooManyRequests); i++)
            answers.Add(await applicant.SendAsync(Delete($"guess-{i}")));

        var codes = answers.Select(a => a.StatusCode).ToList();
        codes.Should().Contain(HttpStatusCode.TooManyRequests, string.Join(", ", codes));
        codes.Take(5).Should().OnlyContain(s => s == HttpStatusCode.BadRequest, "the first five wrong passwords are answered as wrong");
        var throttled = await ClaimApi.JsonAsync(answers.Last());
        throttled.GetProperty("code").GetString().Should().Be("login_throttled");
        throttled.GetProperty("errors").GetProperty("currentPassword")[0].GetString().Should().Contain("秒后再试");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE id = @Id", user)).Should().Be(1);
    }

    [Fact]
    public async Task Deleting_an_account_with_a_draft_removes_its_rows_ends_its_sessions_and_frees_its_name_and_identity()
    {
        var (applicant, user) = await App.ClientAsAsync(Roles.Applicant);
        var idNumber = UniqueIdNumber();
        var draft = await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = idNumber, documents: false);
        var document = await ClaimApi.UploadAsync(applicant, draft.Id(), "judgment");
        var withdrawn = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, documents: false), "withdraw");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_documents WHERE id = @document", new { document })).Should().Be(1);

        var wrong = await applicant.SendAsync(Delete("not-my-password"));
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClaimApi.JsonAsync(wrong)).GetProperty("errors").GetProperty("currentPassword")[0].GetString().Should().Contain("当前密码不正确");
        (await applicant.SendAsync(Delete(null))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE id = @Id", user)).Should().Be(1, "a wrong password deletes nothing");

        (await applicant.SendAsync(Delete(SubsidyApp.Password))).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE id = @Id", user)).Should().Be(0);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM user_sessions WHERE user_id = @Id", user)).Should().Be(0);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE applicant_id = @Id OR id_number = @idNumber", new { user.Id, idNumber }))
            .Should().Be(0, "the draft and the withdrawn draft are gone");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_documents WHERE id = @document OR claim_id = @claim", new { document, claim = draft.Id() }))
            .Should().Be(0, "its evidence, bytes and row, is gone");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE user_id = @Id", user)).Should().Be(0);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IN (@a, @b)", new { a = draft.Id(), b = withdrawn.Id() }))
            .Should().BeGreaterThan(0, "the append-only log keeps the drafts' events");

        (await applicant.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the old token ends at once");
        using (var anonymous = App.CreateClient())
        {
            (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = SubsidyApp.Password }))
                .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username = user.Username, password = SubsidyApp.Password, email = user.Email, displayName = user.DisplayName }))
                .StatusCode.Should().Be(HttpStatusCode.Created, "the same name and address register again");
        }
        using var again = App.ClientWithToken(await App.TokenAsync(user.Username));
        (await ClaimApi.CreateAsync(again, b => b["idNumber"] = idNumber, documents: false)).Id().Should().NotBeEmpty("the same identity claims again");

        var events = (await conn.QueryAsync<(string Actor, Guid? ActorId, string Data)>(
            "SELECT actor, actor_id, data::text FROM claim_events WHERE claim_id IS NULL AND trigger = 'account_deleted' AND actor_id = @Id", user)).ToList();
        events.Should().ContainSingle();
        var recorded = events[0].Actor + events[0].Data;
        recorded.Should().Contain(user.Id.ToString()).And.Contain("drafts=2").And.Contain("documents=1")
            .And.NotContain(user.Username).And.NotContain(user.Email).And.NotContain(user.DisplayName).And.NotContain(idNumber);

        using var auditor = (await App.ClientAsAsync(Roles.Auditor)).Client;
        (await ClaimApi.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean()
            .Should().BeTrue("the log verifies with events of drafts that are gone");
    }

    [Fact]
    public async Task An_account_that_submitted_a_claim_is_kept_and_told_why()
    {
        var (applicant, user) = await App.ClientAsAsync(Roles.Applicant);
        var submitted = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        await ClaimApi.MustFireAsync(applicant, submitted, "withdraw");

        var refused = await applicant.SendAsync(Delete(SubsidyApp.Password));
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict, "a claim withdrawn after submission is still a record");
        var problem = await ClaimApi.JsonAsync(refused);
        problem.GetProperty("detail").GetString().Should().Contain("会计档案").And.Contain("30 年").And.Contain("不能注销");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE id = @Id", user)).Should().Be(1);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = @id", new { id = submitted.Id() })).Should().Be(1);
        (await applicant.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.OK, "nothing ended");
    }

    [Theory]
    [InlineData(Roles.Verifier)]
    [InlineData(Roles.Admin)]
    public async Task Staff_cannot_delete_their_account(string role)
    {
        var (staff, user) = await App.ClientAsAsync(role);
        var refused = await staff.SendAsync(Delete(SubsidyApp.Password));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE id = @Id", user)).Should().Be(1);
    }

    [Fact]
    public async Task The_page_explains_asks_for_the_password_and_signs_the_deleted_account_out()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Applicant);
        using var api = App.ClientWithToken(await App.TokenAsync(browser.User.Username));
        var draft = await ClaimApi.CreateAsync(api, documents: false);
        await ClaimApi.UploadAsync(api, draft.Id(), "judgment");

        (await browser.HtmlAsync("/Account/Password")).Should().Contain("注销账号").And.Contain("href=\"/Account/Delete\"");
        var page = await browser.HtmlAsync("/Account/Delete");
        page.Should().Contain("无法恢复").And.Contain("不会删除").And.Contain("会计档案").And.Contain("name=\"CurrentPassword\"");

        var unticked = await PageBrowser.HtmlOf(await browser.PostAsync("/Account/Delete", "/Account/Delete", new() { ["CurrentPassword"] = SubsidyApp.Password }));
        unticked.Should().Contain("请勾选").And.NotContain("id=\"account-deleted\"");
        var wrong = await PageBrowser.HtmlOf(await browser.PostAsync("/Account/Delete", "/Account/Delete",
            new() { ["CurrentPassword"] = "wrong-password-1", ["Understood"] = "true" }));
        wrong.Should().Contain("当前密码不正确").And.NotContain("id=\"account-deleted\"");

        var done = await browser.PostAsync("/Account/Delete", "/Account/Delete", new() { ["CurrentPassword"] = SubsidyApp.Password, ["Understood"] = "true" });
        done.StatusCode.Should().Be(HttpStatusCode.OK);
        (await PageBrowser.HtmlOf(done)).Should().Contain("id=\"account-deleted\"").And.Contain("您的账号已注销").And.NotContain("退出登录");

        using var copied = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        copied.DefaultRequestHeaders.Add("Cookie", browser.SignInCookie);
        var applicantHome = await copied.GetAsync("/Applicant");
        applicantHome.StatusCode.Should().Be(HttpStatusCode.Redirect, "a copy of the old cookie no longer signs anyone in");
        applicantHome.Headers.Location!.ToString().Should().Contain("/Account/Login");
        (await api.GetAsync("/api/v1/auth/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_page_of_an_account_with_a_submitted_claim_says_why_and_offers_no_form_and_staff_are_turned_away()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Applicant);
        using var api = App.ClientWithToken(await App.TokenAsync(browser.User.Username));
        await ClaimApi.MustFireAsync(api, await ClaimApi.CreateAsync(api), "submit");

        var page = await browser.HtmlAsync("/Account/Delete");
        page.Should().Contain("id=\"account-kept\"").And.Contain("已提交过 1 份补助申请").And.NotContain("name=\"CurrentPassword\"");

        var staff = await PageBrowser.SignInAsync(App, Roles.Verifier);
        var denied = await staff.Client.GetAsync("/Account/Delete");
        denied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().Should().Contain("/Account/Denied");
        (await staff.HtmlAsync("/Account/Password")).Should().NotContain("/Account/Delete", "staff are not offered it");
    }
}
