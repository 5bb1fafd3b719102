using SubsidyService.Kernel;
using System.Net;
using Dapper;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Data;
using SubsidyService.Operations.Startup;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class DatabaseRolesTests
{
    /// <summary>Runs on a server of its own: it plays a data directory made by a version from before the roles.</summary>
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
                    // What that version granted the service's role.
                    await conn.ExecuteAsync($"GRANT CREATE ON DATABASE {DatabaseOptions.EmbeddedDatabaseName} TO {DatabaseRoles.Service}");
                }
                var before = Migrator.Embedded().Where(m => string.CompareOrdinal(m.Name, "0011") < 0).ToList();
                await new Migrator(NullLogger<Migrator>.Instance).MigrateAsync(old.ConnectionString(DatabaseOptions.EmbeddedDatabaseName), before);
                // An earlier version let the service's role install Hangfire's schema.
                await using var service = new NpgsqlConnection(old.ConnectionStringAs(DatabaseRoles.Service, DatabaseOptions.EmbeddedDatabaseName));
                await service.OpenAsync();
                await service.ExecuteAsync("CREATE SCHEMA hangfire; CREATE TABLE hangfire.leftover (id int)");
            }

            await using var database = new Database(new DatabaseOptions { ConnectionString = null, DataDirectory = root },
                TestPostgres.Migrations(), NullLogger<Database>.Instance);
            await database.StartAsync();

            await using var conn2 = await database.OpenAsync();
            (await conn2.ExecuteScalarAsync<string>("SELECT current_user")).Should().Be(DatabaseRoles.Service);
            (await conn2.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY name")).Should().Equal(Migrator.Embedded().Select(m => m.Name));
            (await conn2.QueryAsync<string>("""
                SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname IN ('public', 'hangfire') AND c.relkind IN ('r', 'S')
                UNION SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'hangfire'
                """)).Should().Equal(DatabaseRoles.Owner);
            (await conn2.ExecuteScalarAsync<long>("SELECT count(*) FROM users")).Should().Be(0, "the service may read the handed-over tables");
            (await conn2.ExecuteScalarAsync<long>("SELECT count(*) FROM hangfire.job")).Should().Be(0, "and Hangfire's, installed by the owner");
            await ShouldBeRefusedAsync(conn2, "CREATE TABLE hangfire.probe (id int)");
            await ShouldBeRefusedAsync(conn2, "ALTER TABLE users ADD COLUMN x int");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// The shadow-table attack (issue 20): with CREATE on the database the role could make a schema of its own
    /// name, first in "$user", public, and copy claim_events into it. Now it can create nothing anywhere.
    /// </summary>
    [Theory]
    [InlineData("CREATE SCHEMA subsidy_service")]
    [InlineData("CREATE TABLE public.claim_events_shadow (LIKE public.claim_events)")]
    [InlineData("CREATE TABLE hangfire.claim_events (id bigint)")]
    [InlineData("CREATE TEMP TABLE claim_events (id bigint)")]
    [InlineData("CREATE FUNCTION public.noop() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'")]
    [InlineData("CREATE TRIGGER shadow BEFORE INSERT ON public.claim_events FOR EACH ROW EXECUTE FUNCTION public.claim_events_append_only()")]
    [InlineData("ALTER TABLE public.claim_events DISABLE TRIGGER USER")]
    [InlineData("SET session_replication_role = replica")]
    [InlineData("DELETE FROM public.claim_events")]
    public async Task The_service_role_creates_nothing_and_cannot_switch_the_event_logs_guard_off(string statement)
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        // A clone does not inherit its template's database-level grants: migrate it as a deployment does.
        await TestPostgres.Migrations().MigrateAsync(DatabaseRoles.ConnectionStringAs(cs, DatabaseRoles.Owner), Migrator.Embedded(), DatabaseRoles.Service);
        await using var service = await TestPostgres.OpenAsync(DatabaseRoles.ConnectionStringAs(cs, DatabaseRoles.Service));
        (await service.ExecuteScalarAsync<string>("SHOW search_path")).Should().Be(Migrator.SearchPath, "no schema of the role's own comes first");
        await ShouldBeRefusedAsync(service, statement);
    }

    [Fact]
    public async Task A_node_with_only_the_service_roles_connection_string_starts_and_serves()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new SubsidyApp(cs, settings: new Dictionary<string, string?> { ["ConnectionStrings:SubsidyMigrations"] = "" });
        var client = app.CreateClient();
        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        var (applicant, _) = await app.ClientAsAsync(Roles.Applicant);
        (await applicant.GetAsync("/api/v1/claims")).StatusCode.Should().Be(HttpStatusCode.OK);
        app.LogLines.Should().NotContain(l => l.Contains("Applied migration"));
    }

    [Fact]
    public async Task A_node_that_does_not_migrate_refuses_a_schema_behind_it_with_one_line_naming_the_command()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var last = Migrator.Embedded()[^1].Name;
        await using (var conn = await TestPostgres.OpenAsync(cs))
            await conn.ExecuteAsync("DELETE FROM schema_migrations WHERE name = @last", new { last });
        await using var app = new SubsidyApp(cs, settings: new Dictionary<string, string?> { ["ConnectionStrings:SubsidyMigrations"] = "" });

        var start = () => app.Server;

        start.Should().Throw<StartupFailure>().Which.Message.Should()
            .Contain(last).And.Contain("dotnet SubsidyService.dll migrate").And.NotContain("\n");
    }

    [Fact]
    public async Task The_service_refuses_to_run_as_the_owner_unless_explicitly_allowed()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var asOwner = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Subsidy"] = DatabaseRoles.ConnectionStringAs(cs, DatabaseRoles.Owner),
            ["ConnectionStrings:SubsidyMigrations"] = "",
        };
        await using (var refused = new SubsidyApp(cs, settings: asOwner))
        {
            var start = () => refused.Server;
            start.Should().Throw<StartupFailure>().Which.Message.Should()
                .Contain(DatabaseRoles.Owner).And.Contain("Database:AllowPrivilegedRole");
        }
        await using var allowed = new SubsidyApp(cs, settings: new Dictionary<string, string?>(asOwner) { ["Database:AllowPrivilegedRole"] = "true" });
        (await allowed.CreateClient().GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_migrate_command_brings_an_empty_database_up_to_date_as_the_owner_and_exits()
    {
        var cs = await TestPostgres.CreateEmptyDatabaseAsync();
        var result = await ServiceCommand.RunAsync(["migrate"], new Dictionary<string, string?>
        {
            ["ConnectionStrings:Subsidy"] = DatabaseRoles.ConnectionStringAs(cs, DatabaseRoles.Service),
            ["ConnectionStrings:SubsidyMigrations"] = DatabaseRoles.ConnectionStringAs(cs, DatabaseRoles.Owner),
            // The command reads the nodes' settings, the key ring's certificate among them.
            ["DataProtection:CertificateFile"] = TestKeyRing.File,
        });
        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain($"Applied {Migrator.Embedded().Count} migration(s)");

        await using var conn = await TestPostgres.OpenAsync(cs);
        (await conn.QueryAsync<string>("SELECT name FROM schema_migrations ORDER BY name")).Should().Equal(Migrator.Embedded().Select(m => m.Name));
        (await conn.ExecuteScalarAsync<string>("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'hangfire'"))
            .Should().Be(DatabaseRoles.Owner);
        // And a node given only the service's string then serves it.
        await using var node = await NodeProcess.StartAsync(cs, new Dictionary<string, string?> { ["ConnectionStrings:SubsidyMigrations"] = "" });
        (await node.Client().GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static async Task ShouldBeRefusedAsync(NpgsqlConnection conn, string statement)
    {
        var act = () => conn.ExecuteAsync(statement);
        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege, statement);
    }
}
