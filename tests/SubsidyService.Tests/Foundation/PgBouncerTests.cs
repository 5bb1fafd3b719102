using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Data;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// A node whose connections go through PgBouncer in transaction mode (docs/operations.md, "Connections"): only the
/// migration run and the policy listener's LISTEN reach PostgreSQL directly, and a claim's journey still gets the
/// right answers.
/// </summary>
public sealed class PgBouncerTests
{
    [Fact]
    public async Task A_node_through_pgbouncer_in_transaction_mode_serves_a_claims_journey()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(cs).Database!;
        var service = DatabaseRoles.ConnectionStringAs(cs, DatabaseRoles.Service);
        await using var bouncer = await PgBouncer.StartAsync(cs, new Dictionary<string, string>
        {
            [DatabaseRoles.Service] = new NpgsqlConnectionStringBuilder(service).Password!,
        });
        await using var node = await NodeProcess.StartAsync(cs, new Dictionary<string, string?>
        {
            // Not Production, so the demo verifier exists.
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Demo:Seed"] = "true",
            ["ConnectionStrings:Subsidy"] = bouncer.Through(service),
            ["ConnectionStrings:SubsidyDirect"] = service,
            ["Database:Pooler"] = "pgbouncer",
        });
        using var anonymous = node.Client();
        (await anonymous.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK, node.Tail());

        var register = await anonymous.PostAsJsonAsync("/api/v1/auth/register",
            new { username = "zhao.liu", password = "Secure-pass-123", email = "zl@example.cn", displayName = "赵六" });
        register.StatusCode.Should().Be(HttpStatusCode.Created, await register.Content.ReadAsStringAsync() + node.Tail());
        using var applicant = node.Client(await TokenAsync(anonymous, "zhao.liu", "Secure-pass-123"));
        using var verifier = node.Client(await TokenAsync(anonymous, "verifier.demo", DemoSeeder.Password));

        var draft = await ClaimApi.CreateAsync(applicant);
        var submitted = await ClaimApi.MustFireAsync(applicant, draft, "submit");
        submitted.Status().Should().Be("submitted");
        var read = await ClaimApi.GetAsync(applicant, draft.Id());
        read.Status().Should().Be("submitted");
        read.GetProperty("documents").GetArrayLength().Should().Be(ClaimApi.RequiredKinds.Length);
        var reviewed = await ClaimApi.MustFireAsync(verifier, read, "start_review");
        reviewed.Status().Should().Be("under_review");
        (await ClaimApi.GetAsync(applicant, draft.Id())).Status().Should().Be("under_review");
        (await anonymous.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK, node.Tail());

        // The node's sessions went through PgBouncer as the service's role; on the server, the listener's is the one
        // it holds by itself, and it is listening.
        bouncer.Log().Should().Contain($"db={database} user={DatabaseRoles.Service}");
        await using var conn = await TestPostgres.OpenAsync(new NpgsqlConnectionStringBuilder(cs) { Database = "postgres", Pooling = false }.ConnectionString);
        var listeners = (await conn.QueryAsync<string>(
            "SELECT query FROM pg_stat_activity WHERE datname = @database AND application_name = 'SubsidyService listen'", new { database })).ToList();
        // Its last statement is the LISTEN, or the probe it sends after 30 s without a notification.
        listeners.Should().ContainSingle().Which.Should().Match(q => q.StartsWith("LISTEN") || q == "SELECT 1");
    }

    private static async Task<string> TokenAsync(HttpClient client, string username, string password)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });
        login.StatusCode.Should().Be(HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
