using System.Diagnostics;
using System.Net;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// What one idle node holds open on the server (docs/operations.md, "Connections"): fifty counties with two nodes
/// each must fit a server's max_connections without a pooler.
/// </summary>
public sealed class IdleConnectionsTests(ITestOutputHelper output)
{
    private const int Budget = 6;

    [Fact]
    public async Task An_idle_node_holds_six_connections_or_fewer_each_named_for_its_pool()
    {
        // Npgsql's own idle lifetime (300 s), not the test strings' 10 s: what a node opens while it starts and idles
        // stays open for minutes, so the budget bounds the most it holds, not what it shrinks to later.
        var cs = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateMigratedDatabaseAsync())
            { ConnectionIdleLifetime = 300, ConnectionPruningInterval = 10 }.ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(cs).Database!;
        await using var node = await NodeProcess.StartAsync(cs, new Dictionary<string, string?>());
        using (var http = node.Client())
            (await http.GetAsync("/readyz")).StatusCode.Should().Be(HttpStatusCode.OK, node.Tail());

        // Watched from the server's maintenance database, so the watcher is not counted.
        var watcher = new NpgsqlConnectionStringBuilder(cs) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var conn = await TestPostgres.OpenAsync(watcher);
        List<Session> sessions = [];
        List<Session> most = [];
        // Looked at once a second until every pool has opened what it opens when idle (the job server's pool, the
        // listener) and ten looks more: the job server's workers and pollers have all run by then.
        var looks = 0;
        var waited = Stopwatch.StartNew();
        while (looks < 10 && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            sessions = (await conn.QueryAsync<Session>(
                "SELECT application_name AS Application, usename AS UserName, state AS State FROM pg_stat_activity WHERE datname = @database",
                new { database })).ToList();
            if (sessions.Count > most.Count) most = sessions;
            if (looks > 0 || (sessions.Any(s => s.Application == "SubsidyService jobs") && sessions.Any(s => s.Application == "SubsidyService listen")))
                looks++;
            await Task.Delay(1000);
        }
        output.WriteLine($"after {waited.Elapsed.TotalSeconds:0} s: {Summary(sessions)}; most seen {Summary(most)}");

        most.Count.Should().BeLessThanOrEqualTo(Budget, $"an idle node holds at most {Budget} connections; it held {Summary(most)}");
        sessions.Should().NotContain(s => s.UserName == Data.DatabaseRoles.Owner, "the owner's connection is closed once migrated");
        most.Select(s => s.Application).Distinct().Should().BeSubsetOf(
            ["SubsidyService", "SubsidyService jobs", "SubsidyService listen"], "each pool names itself in pg_stat_activity");
        most.Count(s => s.Application == "SubsidyService jobs").Should().BeLessThanOrEqualTo(3, "Hangfire's pool holds at most Jobs:MaxPoolSize");
        sessions.Should().ContainSingle(s => s.Application == "SubsidyService listen", "one connection LISTENs for policy changes");
    }

    private static string Summary(List<Session> sessions) => $"{sessions.Count} (" + string.Join("; ",
        sessions.GroupBy(s => (s.Application, s.UserName, s.State)).Select(g => $"{g.Key.Application}/{g.Key.UserName}/{g.Key.State}: {g.Count()}")) + ")";

    private sealed record Session(string Application, string UserName, string? State);
}
