using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Data;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>Runs on a server of its own, since it stops and restarts it.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_answers_503_while_the_database_is_stopped_and_200_after_it_returns()
    {
        var root = Path.Combine(TestPostgres.RunRoot, "health-" + Guid.NewGuid().ToString("N")[..8]);
        await using var pg = await EmbeddedPostgres.StartAsync(root);
        await pg.EnsureDatabaseAsync("subsidy");
        await using var app = new SubsidyApp(pg.ConnectionString("subsidy"));
        var client = app.CreateClient();
        try
        {
            var up = await client.GetAsync("/healthz");
            up.StatusCode.Should().Be(HttpStatusCode.OK);
            (await ChecksAsync(up)).Should().Contain(new KeyValuePair<string, string>("database", "ok"))
                .And.Contain(new KeyValuePair<string, string>("jobs", "ok"));

            (await client.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK);

            await pg.StopAsync();
            var down = await client.GetAsync("/healthz");
            down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await ChecksAsync(down))["jobs"].Should().Be("job storage unreachable");
            // Restarting the process would not bring the database back: liveness stays, readiness names the part.
            (await client.GetAsync("/livez")).StatusCode.Should().Be(HttpStatusCode.OK);
            var notReady = await client.GetAsync("/readyz");
            notReady.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await notReady.Content.ReadFromJsonAsync<Health>())!.Failing.Should().Contain(["database", "jobs"]);

            await pg.RestartAsync();
            // The pool may hold a connection broken by the restart: the first probe can still fail.
            var status = HttpStatusCode.ServiceUnavailable;
            for (var i = 0; i < 10 && status != HttpStatusCode.OK; i++)
                status = (await client.GetAsync("/healthz")).StatusCode;
            status.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await pg.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_mail_server_that_is_away_degrades_readiness_without_failing_it_and_probes_are_not_logged()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new SubsidyApp(cs, settings: new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = TestMachine.FreePort().ToString(),
            ["Smtp:Security"] = "none",
            ["Smtp:From"] = "补助办理 <subsidy@bureau.example>",
        });
        var client = app.CreateClient();

        var ready = await client.GetAsync("/readyz");

        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        var health = (await ready.Content.ReadFromJsonAsync<Health>())!;
        health.Status.Should().Be("degraded");
        health.Checks["smtp"].Should().Contain("unreachable");
        health.Checks["database"].Should().Be("ok");
        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/livez")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/no-such-page")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        app.LogLines.Should().Contain(l => l.Contains("/no-such-page"), "other requests are logged")
            .And.NotContain(l => l.Contains("/readyz") || l.Contains("/livez") || l.Contains("/healthz"));
    }

    private static async Task<Dictionary<string, string>> ChecksAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Health>())!.Checks;

    private sealed record Health(string Status, Dictionary<string, string> Checks, string[]? Failing);
}
