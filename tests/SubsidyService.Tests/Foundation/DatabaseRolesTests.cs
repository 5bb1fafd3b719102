using Dapper;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SubsidyService.Data;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>Runs on a server of its own: it plays a data directory made by a version from before the roles.</summary>
public sealed class DatabaseRolesTests
{
    [Fact]
    public async Task An_embedded_database_made_by_the_superuser_is_handed_to_the_owner_and_the_service_runs_as_its_own_role()
    {
        var root = Path.Combine(TestPostgres.RunRoot, "roles-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (var old = await EmbeddedPostgres.StartAsync(root))
            {
                await using (var conn = new NpgsqlConnection(old.ConnectionString()))
                {
                    await conn.OpenAsync();
                    await conn.ExecuteAsync($"CREATE DATABASE {DatabaseOptions.EmbeddedDatabaseName}");
                }
                var before = Migrator.Embedded().Where(m => string.CompareOrdinal(m.Name, "0011") < 0).ToList();
                await new Migrator(NullLogger<Migrator>.Instance).MigrateAsync(old.ConnectionString(DatabaseOptions.EmbeddedDatabaseName), before);
            }

            await using var database = new Database(new DatabaseOptions { ConnectionString = null, DataDirectory = root },
                new Migrator(NullLogger<Migrator>.Instance), NullLogger<Database>.Instance);
            await database.StartAsync();

            await using var service = await database.OpenAsync();
            (await service.ExecuteScalarAsync<string>("SELECT current_user")).Should().Be(DatabaseRoles.Service);
            (await service.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY name")).Should().Equal(Migrator.Embedded().Select(m => m.Name));
            (await service.QueryAsync<string>("""
                SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S')
                """)).Should().Equal(DatabaseRoles.Owner);
            (await service.ExecuteScalarAsync<long>("SELECT count(*) FROM users")).Should().Be(0, "the service may read the handed-over tables");

            // The job store (Hangfire) creates its own tables in schema hangfire, as the service's role.
            await service.ExecuteAsync("CREATE SCHEMA IF NOT EXISTS hangfire");
            await service.ExecuteAsync("CREATE TABLE hangfire.probe (id int); INSERT INTO hangfire.probe VALUES (1)");
            var alter = () => service.ExecuteAsync("ALTER TABLE users ADD COLUMN x int");
            (await alter.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
