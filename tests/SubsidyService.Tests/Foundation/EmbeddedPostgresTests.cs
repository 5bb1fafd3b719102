using FluentAssertions;
using Npgsql;
using SubsidyService.Data;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class EmbeddedPostgresTests
{
    [Fact]
    public async Task A_second_start_reuses_the_data_of_the_first()
    {
        var root = Path.Combine(TestPostgres.RunRoot, "reuse-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (var first = await EmbeddedPostgres.StartAsync(root))
            {
                await using var conn = new NpgsqlConnection(first.ConnectionString());
                await conn.OpenAsync();
                await new NpgsqlCommand("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')", conn).ExecuteNonQueryAsync();
            }
            await using var second = await EmbeddedPostgres.StartAsync(root);
            await using var conn2 = new NpgsqlConnection(second.ConnectionString());
            await conn2.OpenAsync();
            (await new NpgsqlCommand("SELECT v FROM kept", conn2).ExecuteScalarAsync()).Should().Be("still here");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_second_service_on_the_same_data_fails_at_once_and_leaves_the_first_running()
    {
        var root = Path.Combine(TestPostgres.RunRoot, "twice-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using var first = await EmbeddedPostgres.StartAsync(root);
            var second = () => EmbeddedPostgres.StartAsync(root);
            (await second.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*already running*");

            await using var conn = new NpgsqlConnection(first.ConnectionString());
            await conn.OpenAsync();
            (await new NpgsqlCommand("SELECT 1", conn).ExecuteScalarAsync()).Should().Be(1);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Binaries_are_found_on_this_machine()
    {
        PostgresBinaries.FindBinDirectory().Should().NotBeNull(PostgresBinaries.MissingMessage);
    }

    [Fact]
    public void A_project_under_an_unreachable_directory_keeps_its_cluster_where_postgres_can_reach_it()
    {
        if (!Environment.IsPrivilegedProcess) return; // the rule only applies when we must switch user
        var hidden = Path.Combine(TestPostgres.RunRoot, "private-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(hidden);
        File.SetUnixFileMode(hidden, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            var dir = EmbeddedPostgres.ResolveClusterDirectory(Path.Combine(hidden, ".data"));
            dir.Should().StartWith("/var/lib/postgresql/subsidyservice/");
            EmbeddedPostgres.ResolveClusterDirectory(Path.Combine(hidden, ".data")).Should().Be(dir, "the same project keeps the same place");
            EmbeddedPostgres.ResolveClusterDirectory(Path.Combine(hidden, "other", ".data")).Should().NotBe(dir);
        }
        finally
        {
            Directory.Delete(hidden, recursive: true);
        }
    }
}
