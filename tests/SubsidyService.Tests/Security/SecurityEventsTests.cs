using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>
/// Sign-ins, their failures, sign-outs, account and budget changes and payout acts are events of the chained log,
/// with the actor's role and the client's address, and the auditor exports them; a name typed at a failed sign-in
/// is kept only as a fingerprint.
/// </summary>
public sealed class SecurityEventsTests : IAsyncLifetime
{
    private string _cs = "";
    private SubsidyApp _app = null!;

    public async Task InitializeAsync()
    {
        _cs = await TestPostgres.CreateMigratedDatabaseAsync();
        _app = new SubsidyApp(_cs, services: TestClientAddress.Register);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> SignedInFromAsync(User user, string address)
    {
        var client = TestClientAddress.From(_app, address);
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = SubsidyApp.Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await login.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<List<Dictionary<string, string>>> ExportAsync(HttpClient auditor)
    {
        var response = await auditor.GetAsync("/api/v1/audit/security-events?from=2020-01-01");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var records = Csv.Parse(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
        var header = records[0].Fields;
        header.Should().Equal("id", "at", "act", "actorId", "actor", "role", "clientAddress", "subject", "detail", "hash");
        return records.Skip(1).Select(r => header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public async Task Sign_ins_failures_sign_outs_and_account_and_budget_changes_are_exported_with_role_and_address()
    {
        var finance = await _app.CreateUserAsync(Roles.Finance);
        var admin = await _app.CreateUserAsync(Roles.Admin);
        var victim = await _app.CreateUserAsync(Roles.Applicant);
        var auditorUser = await _app.CreateUserAsync(Roles.Auditor);

        var financeClient = await SignedInFromAsync(finance, "203.0.113.7");
        (await financeClient.PutAsJsonAsync("/api/v1/budgets/2031", new { amount = "800000.00" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await financeClient.PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        // Someone types an identity number as the user name: the log must not keep it.
        const string typed = "110101199003077777";
        var guesser = TestClientAddress.From(_app, "198.51.100.66");
        (await guesser.PostAsJsonAsync("/api/v1/auth/login", new { username = typed, password = "Wrong-Passw0rd!" }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await guesser.PostAsJsonAsync("/api/v1/auth/login", new { username = victim.Username, password = "Wrong-Passw0rd!" }))
            .StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var adminClient = await SignedInFromAsync(admin, "192.0.2.10");
        (await adminClient.PostAsync($"/api/v1/users/{victim.Id}/disable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var auditor = await SignedInFromAsync(auditorUser, "192.0.2.99");
        var rows = await ExportAsync(auditor);

        rows.Should().Contain(r => r["act"] == "sign_in" && r["actorId"] == finance.Id.ToString() && r["role"] == "finance" && r["clientAddress"] == "203.0.113.7");
        rows.Should().Contain(r => r["act"] == "budget_set" && r["actorId"] == finance.Id.ToString() && r["subject"] == "2031"
            && r["detail"].Contains("800000.00") && r["clientAddress"] == "203.0.113.7");
        rows.Should().Contain(r => r["act"] == "sign_out" && r["actorId"] == finance.Id.ToString());
        var failures = rows.Where(r => r["act"] == "sign_in_failed").ToList();
        failures.Should().HaveCount(2).And.OnlyContain(r => r["clientAddress"] == "198.51.100.66" && r["role"] == "anonymous" && r["actorId"] == "");
        failures.Should().Contain(r => r["subject"] == victim.Id.ToString(), "the auditor sees which account was tried");
        failures.Should().Contain(r => r["subject"].StartsWith("用户名指纹 "));
        rows.Should().Contain(r => r["act"] == "account_disabled" && r["actorId"] == admin.Id.ToString() && r["role"] == "admin"
            && r["subject"] == victim.Id.ToString() && r["clientAddress"] == "192.0.2.10");
        rows.Should().Contain(r => r["act"] == "account_created" && r["subject"] == victim.Id.ToString() && r["role"] == "system",
            "accounts made outside a request are the service's own act");

        // The typed number is nowhere in the log, only its fingerprint; and the chain still verifies.
        await using var conn = await TestPostgres.OpenAsync(_cs);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE data::text LIKE '%' || @typed || '%' OR reason LIKE '%' || @typed || '%'",
            new { typed })).Should().Be(0);
        var chain = await (await auditor.GetAsync("/api/v1/audit/verify")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        chain.GetProperty("ok").GetBoolean().Should().BeTrue();

        // The export is itself recorded.
        (await ExportAsync(auditor)).Should().Contain(r => r["act"] == "security_events_exported" && r["actorId"] == auditorUser.Id.ToString());
    }

    [Fact]
    public async Task Only_auditors_export_security_events_and_a_bad_date_names_the_field()
    {
        var financeClient = await SignedInFromAsync(await _app.CreateUserAsync(Roles.Finance), "203.0.113.8");
        await (await financeClient.GetAsync("/api/v1/audit/security-events")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var auditor = await SignedInFromAsync(await _app.CreateUserAsync(Roles.Auditor), "203.0.113.9");
        await (await auditor.GetAsync("/api/v1/audit/security-events?to=2024-02-30")).ShouldBeValidationProblemNamingAsync("to");
    }

    [Fact]
    public async Task A_sign_in_refused_because_the_account_is_disabled_is_recorded_against_the_account()
    {
        var user = await _app.CreateUserAsync(Roles.Verifier);
        await _app.Service<UserStore>().SetDisabledAsync(user.Id, DateTime.UtcNow);
        var client = TestClientAddress.From(_app, "203.0.113.44");
        await (await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = SubsidyApp.Password }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "account_disabled");
        var auditor = await SignedInFromAsync(await _app.CreateUserAsync(Roles.Auditor), "203.0.113.45");
        (await ExportAsync(auditor)).Should().Contain(r => r["act"] == "sign_in_disabled" && r["actorId"] == user.Id.ToString()
            && r["clientAddress"] == "203.0.113.44").And.NotContain(r => r["act"] == "sign_in" && r["actorId"] == user.Id.ToString());
    }

    [Fact]
    public async Task The_auditors_page_lists_the_acts_in_words_and_refuses_a_bad_date_under_its_field()
    {
        var admin = await _app.CreateUserAsync(Roles.Admin);
        var adminClient = await SignedInFromAsync(admin, "192.0.2.31");
        var target = await _app.CreateUserAsync(Roles.Verifier);
        (await adminClient.PostAsync($"/api/v1/users/{target.Id}/unlock", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var auditor = await Pages.PageBrowser.SignInAsync(_app, Roles.Auditor);
        var html = await auditor.HtmlAsync("/Auditor/Security");
        html.Should().Contain("解除登录限制").And.Contain("192.0.2.31").And.Contain("系统管理员").And.Contain(target.Id.ToString());
        (await auditor.HtmlAsync("/Auditor/Security?from=2026-02-30")).Should().Contain("data-field=\"from\"");
        var csv = await auditor.Client.GetAsync("/Auditor/Security?handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await csv.Content.ReadAsStringAsync()).Should().Contain("account_unlocked");
    }
}
