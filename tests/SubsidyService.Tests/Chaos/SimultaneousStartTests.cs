using Dapper;
using FluentAssertions;
using SubsidyService.Data;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Chaos;

public sealed class SimultaneousStartTests
{
    private const int Rounds = 10;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_hosts_started_at_the_same_instant_ten_times_never_deadlock_and_migrate_once()
    {
        for (var round = 0; round < Rounds; round++)
        {
            var cs = await TestPostgres.CreateEmptyDatabaseAsync();
            var nodes = new[] { new SubsidyApp(cs), new SubsidyApp(cs) };
            try
            {
                // Both wait at the gate, then build their hosts together: migrations, key ring and seeding race.
                using var gate = new Barrier(nodes.Length);
                var starts = nodes.Select(n => Task.Run(() => { gate.SignalAndWait(); _ = n.Server; })).ToArray();
                var all = Task.WhenAll(starts);
                (await Task.WhenAny(all, Task.Delay(StartLimit))).Should().BeSameAs(all, $"round {round}: both hosts start within {StartLimit} (no deadlock)");
                await all;

                await using var conn = await TestPostgres.OpenAsync(cs);
                (await conn.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY name")).Should()
                    .Equal(Migrator.Embedded().Select(m => m.Name), $"round {round}");
                nodes.SelectMany(n => n.LogLines).Count(l => l.Contains("Applied migration")).Should()
                    .Be(Migrator.Embedded().Count, $"round {round}: each file applied by one host only");
                (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM policy_versions")).Should().Be(1, $"round {round}: the default policy seeded once");
                foreach (var node in nodes)
                    (await node.CreateClient().GetAsync("/healthz")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
            }
            finally
            {
                foreach (var n in nodes) await n.DisposeAsync();
            }
        }
    }
}
