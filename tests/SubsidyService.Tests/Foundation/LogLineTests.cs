using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SubsidyService.Operations.Logging;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Foundation;

/// <summary>Production's log lines are JSON an operator's tools read, Development's one text line each; both with the trace, the user and the client, and never an identity or account number.</summary>
public sealed class LogLineTests
{
    [Fact]
    public void A_line_masks_identity_and_account_numbers_in_the_message_in_scopes_and_in_exceptions()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var hosting = scopes.Push(new Dictionary<string, object?> { ["RequestPath"] = "/api/v1/claims/110101199003077777", ["RequestId"] = "0HN1:00000001" });
        using var request = scopes.Push(new Dictionary<string, object?> { ["userId"] = "7b1c2d4e-0000-4000-8000-000000000001", ["role"] = "applicant", ["client"] = "203.0.113.5" });
        var entry = new LogEntry<string>(LogLevel.Warning, "SubsidyService.Test", new EventId(7), "paid into 6222021234567890123 for 91330100MA27XXXX1Q on 2026-12-05",
            new InvalidOperationException("account 6222021234567890123"), (s, _) => s);
        using var writer = new StringWriter();
        new JsonLineFormatter().Write(entry, scopes, writer);

        var text = writer.ToString();
        text.Should().EndWith("\n").And.NotContain("110101199003077777").And.NotContain("6222021234567890123").And.NotContain("91330100MA27XXXX1Q");
        using var line = JsonDocument.Parse(text);
        var root = line.RootElement;
        root.GetProperty("level").GetString().Should().Be("warning");
        root.GetProperty("time").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
        root.GetProperty("message").GetString().Should().Be("paid into *** for *** on 2026-12-05", "a date and a GUID are not numbers to hide");
        root.GetProperty("RequestPath").GetString().Should().Be("/api/v1/claims/***");
        root.GetProperty("userId").GetString().Should().Be("7b1c2d4e-0000-4000-8000-000000000001");
        root.GetProperty("role").GetString().Should().Be("applicant");
        root.GetProperty("client").GetString().Should().Be("203.0.113.5");
        root.GetProperty("exception").GetString().Should().Contain("account ***");
    }

    [Fact]
    public async Task A_production_node_writes_json_lines_naming_trace_user_and_client_and_no_identity_number()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var node = await NodeProcess.StartAsync(cs, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Authority:PublicUrl"] = "https://subsidy.example.gov.cn",
        });
        using var anonymous = node.Client();
        var username = "log" + Guid.NewGuid().ToString("N")[..8];
        (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username, password = SubsidyApp.Password, email = $"{username}@test.example", displayName = "日志测试" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username, password = SubsidyApp.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var applicant = node.Client(token);

        var idNumber = EstimateFacts.PersonId("11010119900307777");
        var claim = await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = idNumber);
        var missing = await applicant.GetAsync($"/api/v1/claims/{idNumber}");
        var traceId = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceId").GetString();
        await Task.Delay(500);

        var lines = node.Tail(1000).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).ToList();
        lines.Should().NotBeEmpty();
        node.Tail(1000).Should().NotContain(idNumber).And.NotContain("6222 0212 3456 7890".Replace(" ", ""));
        var parsed = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        parsed.Where(l => !HasAll(l, "time", "level", "message")).Should().BeEmpty();
        parsed.Should().NotContain(l => l.GetProperty("message").GetString()!.Contains("/healthz"), "healthy probes are not news");
        var created = parsed.Single(l => l.GetProperty("message").GetString()!.StartsWith("POST /api/v1/claims → 201"));
        created.GetProperty("role").GetString().Should().Be("applicant");
        created.GetProperty("userId").GetString().Should().NotBeNullOrEmpty();
        created.GetProperty("client").GetString().Should().Be("127.0.0.1");
        created.GetProperty("traceId").GetString().Should().MatchRegex("^[0-9a-f]{32}$");
        parsed.Where(l => TraceOf(l) == traceId).Should().NotBeEmpty("the problem's traceId finds the request's line");
        claim.Id().Should().NotBeEmpty();
    }

    [Fact]
    public void A_text_line_carries_the_scopes_as_key_value_pairs_masked()
    {
        var scopes = new LoggerExternalScopeProvider();
        using var hosting = scopes.Push(new Dictionary<string, object?> { ["RequestPath"] = "/api/v1/claims/110101199003077777", ["RequestId"] = "0HN1:00000001" });
        using var request = scopes.Push(new Dictionary<string, object?> { ["userId"] = "7b1c2d4e-0000-4000-8000-000000000001", ["role"] = "applicant", ["client"] = "203.0.113.5" });
        var entry = new LogEntry<string>(LogLevel.Warning, "SubsidyService.Test", new EventId(7), "paid into 6222021234567890123\nfor 91330100MA27XXXX1Q",
            new InvalidOperationException("account 6222021234567890123"), (s, _) => s);
        using var writer = new StringWriter();
        new TextLineFormatter().Write(entry, scopes, writer);

        var text = writer.ToString();
        text.Should().NotContain("110101199003077777").And.NotContain("6222021234567890123").And.NotContain("91330100MA27XXXX1Q");
        var first = text.Split('\n')[0];
        first.Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z warn SubsidyService\.Test: paid into \*\*\* ⏎ for \*\*\* ");
        first.Should().Contain(" RequestPath=/api/v1/claims/*** ").And.Contain(" RequestId=0HN1:00000001")
            .And.Contain(" userId=7b1c2d4e-0000-4000-8000-000000000001").And.Contain(" role=applicant").And.Contain(" client=203.0.113.5");
        text.Should().Contain("account ***", "the exception follows the line, masked");
    }

    [Fact]
    public async Task A_development_node_writes_text_lines_naming_trace_user_and_client_and_no_identity_number()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var node = await NodeProcess.StartAsync(cs, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Authority:PublicUrl"] = "https://subsidy.example.gov.cn",
        });
        using var anonymous = node.Client();
        var username = "log" + Guid.NewGuid().ToString("N")[..8];
        (await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { username, password = SubsidyApp.Password, email = $"{username}@test.example", displayName = "日志测试" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { username, password = SubsidyApp.Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var applicant = node.Client(token);
        var me = await applicant.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var userId = me.GetProperty("id").GetString();

        var idNumber = EstimateFacts.PersonId("11010119900307777");
        var claim = await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = idNumber);
        var missing = await applicant.GetAsync($"/api/v1/claims/{idNumber}");
        var traceId = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceId").GetString();
        await Task.Delay(500);

        var log = node.Tail(1000);
        log.Should().NotContain(idNumber).And.NotContain("6222 0212 3456 7890".Replace(" ", ""));
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().NotContain(l => l.StartsWith('{'), "Development writes text");
        var created = lines.Single(l => l.Contains(": POST /api/v1/claims → 201"));
        created.Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info ")
            .And.Contain($" userId={userId}").And.Contain(" role=applicant").And.Contain(" client=127.0.0.1")
            .And.MatchRegex(" traceId=[0-9a-f]{32}");
        lines.Should().Contain(l => l.Contains($" traceId={traceId}") && l.Contains("/api/v1/claims/***"), "the problem's traceId finds the request's line, its path masked");
        claim.Id().Should().NotBeEmpty();
    }

    private static bool HasAll(JsonElement line, params string[] names) => names.All(n => line.TryGetProperty(n, out var _));

    private static string? TraceOf(JsonElement line) => line.TryGetProperty("traceId", out var t) ? t.GetString() : null;
}
