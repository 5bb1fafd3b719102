using Npgsql;
using SubsidyService.Data;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run, started by the service's own embedded manager, with
/// a migrated template database that each test class clones (CREATE DATABASE … TEMPLATE is fast).
/// </summary>
public static class TestPostgres
{
    private const string Template = "subsidy_template";
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly Lazy<Task<EmbeddedPostgres>> Server = new(StartAsync);

    public static Task<EmbeddedPostgres> ServerAsync() => Server.Value;

    /// <summary>
    /// Where this checkout's test servers live (test.sh sets it per checkout, so that cleaning up after
    /// a killed run never touches another checkout's running tests).
    /// </summary>
    public static string RunRoot { get; } = Environment.GetEnvironmentVariable("SUBSIDY_TEST_ROOT") is { Length: > 0 } r
        ? r : Path.Combine(Path.GetTempPath(), "subsidy-tests", "adhoc");

    /// <summary>
    /// A fresh database with every migration applied, owned by <see cref="DatabaseRoles.Owner"/>. The string
    /// signs in as the superuser; <see cref="SubsidyApp"/> runs the service as <see cref="DatabaseRoles.Service"/>.
    /// </summary>
    public static async Task<string> CreateMigratedDatabaseAsync() => await CloneAsync(Template);

    /// <summary>A fresh, empty database (no tables at all).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync() => await CloneAsync("template0");

    private static async Task<string> CloneAsync(string template)
    {
        var server = await ServerAsync();
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await CloneLock.WaitAsync();
        try
        {
            await using var conn = new NpgsqlConnection(server.ConnectionString());
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template} OWNER {DatabaseRoles.Owner}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally
        {
            CloneLock.Release();
        }
        // A finished class's idle sessions close within seconds instead of five minutes, so that sessions left in
        // the pools of classes already done do not crowd out the classes still running.
        return new NpgsqlConnectionStringBuilder(server.ConnectionString(name)) { ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString;
    }

    /// <summary>A superuser connection to a test database, for checks the service itself may not make.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        return conn;
    }

    /// <summary>The migrator a node has: the SQL files and Hangfire's schema.</summary>
    public static Migrator Migrations() =>
        new(Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance, [new SubsidyService.Jobs.JobSchema()]);

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        var root = Path.Combine(RunRoot, Guid.NewGuid().ToString("N")[..12]);
        // Every test class has its own database, hence its own pools: a whole run's hosts and checks hold far more
        // sessions at once than one deployment's nodes do.
        var server = await EmbeddedPostgres.StartAsync(root, maxConnections: 1000);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            server.StopAsync().GetAwaiter().GetResult();
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        await server.EnsureDatabaseAsync(Template);
        // As a deployment does it: the owner migrates (Hangfire's tables included), and grants the service's role what it needs.
        await Migrations().MigrateAsync(server.ConnectionStringAs(DatabaseRoles.Owner, Template), Migrator.Embedded(), DatabaseRoles.Service);
        // A template must have no open sessions while it is cloned.
        NpgsqlConnection.ClearAllPools();
        return server;
    }
}
