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

            await pg.StopAsync();
            var down = await client.GetAsync("/healthz");
            down.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await ChecksAsync(down))["jobs"].Should().Be("job storage unreachable");

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

    private static async Task<Dictionary<string, string>> ChecksAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<Health>())!.Checks;

    private sealed record Health(string Status, Dictionary<string, string> Checks);
}
