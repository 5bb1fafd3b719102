using Dapper;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using SubsidyService.Data;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class MigrationTests
{
    [Fact]
    public async Task Two_hosts_starting_together_on_an_empty_database_migrate_exactly_once()
    {
        var cs = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, nodes: 2);

        await using var conn = await TestPostgres.OpenAsync(cs);
        var applied = (await conn.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY name")).ToList();
        applied.Should().Equal(Migrator.Embedded().Select(m => m.Name));
        var appliedLines = cluster.Nodes.SelectMany(n => n.LogLines).Count(l => l.Contains("Applied migration"));
        appliedLines.Should().Be(Migrator.Embedded().Count, "each file is applied by one node only");
        foreach (var node in cluster.Nodes)
            (await node.CreateClient().GetAsync("/healthz")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Concurrent_migrators_apply_each_file_once_in_total()
    {
        var cs = await TestPostgres.CreateEmptyDatabaseAsync();
        var migrator = new Migrator(NullLogger<Migrator>.Instance);
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => migrator.MigrateAsync(cs))));
        counts.Sum().Should().Be(Migrator.Embedded().Count);
        (await migrator.MigrateAsync(cs)).Should().Be(0, "a second run finds everything applied");
    }

    [Fact]
    public async Task An_applied_file_whose_content_changed_stops_start_up_with_a_clear_error()
    {
        var cs = await TestPostgres.CreateEmptyDatabaseAsync();
        var migrator = new Migrator(NullLogger<Migrator>.Instance);
        await migrator.MigrateAsync(cs);
        var edited = Migrator.Embedded().Select((m, i) => i == 0 ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();

        var act = () => migrator.MigrateAsync(cs, edited);

        (await act.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage($"*{edited[0].Name} was changed after it was applied*");
    }

    [Fact]
    public async Task Every_migration_is_recorded_with_its_checksum()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var conn = await TestPostgres.OpenAsync(cs);
        var rows = (await conn.QueryAsync<(string Name, string Checksum)>("SELECT name, checksum FROM schema_migrations")).ToDictionary(r => r.Name, r => r.Checksum);
        foreach (var m in Migrator.Embedded()) rows[m.Name].Should().Be(m.Checksum);
    }
}
