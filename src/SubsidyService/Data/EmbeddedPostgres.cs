using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace SubsidyService.Data;

/// <summary>
/// A private PostgreSQL cluster for development and tests: created on first use, started on a free
/// loopback port, stopped on shutdown, reused by the next start. PostgreSQL refuses to run as root,
/// so when we are root the cluster belongs to the 'postgres' system user.
/// </summary>
public sealed partial class EmbeddedPostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string _binDir;
    private readonly string? _runAs;
    private readonly ILogger _logger;
    private FileStream? _ownerLock;
    private bool _running;
    private int _maxConnections = DefaultMaxConnections;

    /// <summary>What a node's cluster allows: nodes × pool (30 by default) with room for the operator's psql.</summary>
    public const int DefaultMaxConnections = 300;

    public string ClusterDirectory { get; }
    public int Port { get; private set; }
    public string Password { get; }
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>A database of this server signed in as <see cref="DatabaseRoles.Owner"/> or <see cref="DatabaseRoles.Service"/>.</summary>
    public string ConnectionStringAs(string role, string database) => DatabaseRoles.ConnectionStringAs(ConnectionString(database), role);

    private EmbeddedPostgres(string binDir, string? runAs, string clusterDir, string password, ILogger logger)
    {
        _binDir = binDir;
        _runAs = runAs;
        ClusterDirectory = clusterDir;
        Password = password;
        _logger = logger;
    }

    public static async Task<EmbeddedPostgres> StartAsync(string dataRoot, ILogger? logger = null, CancellationToken ct = default,
        int maxConnections = DefaultMaxConnections)
    {
        logger ??= NullLogger.Instance;
        var runAs = Environment.IsPrivilegedProcess ? ServiceUser : null;
        Directory.CreateDirectory(dataRoot);
        var clusterDir = ResolveClusterDirectory(dataRoot);
        var binDir = PostgresBinaries.ForCluster(clusterDir);
        var parent = Path.GetDirectoryName(clusterDir)!;
        Directory.CreateDirectory(parent);
        if (runAs is not null) await ChownAsync(parent, runAs, ct);

        var ownerLock = TakeOwnership(Path.Combine(parent, "service.lock"));
        var password = await ReadOrCreatePasswordAsync(Path.Combine(parent, "superuser.password"));
        var pg = new EmbeddedPostgres(binDir, runAs, clusterDir, password, logger) { _ownerLock = ownerLock, _maxConnections = maxConnections };
        try
        {
            if (!File.Exists(Path.Combine(clusterDir, "PG_VERSION")))
                await pg.InitAsync(parent, ct);
            await pg.StopLeftoverServerAsync(ct);
            await pg.StartServerAsync(ct);
            await using (var conn = new NpgsqlConnection(pg.ConnectionString()))
            {
                await conn.OpenAsync(ct);
                await DatabaseRoles.EnsureAsync(conn, pg.Password, ct);
            }
            AppDomain.CurrentDomain.ProcessExit += pg.StopOnExit;
            return pg;
        }
        catch
        {
            pg.ReleaseOwnership();
            throw;
        }
    }

    private async Task InitAsync(string parent, CancellationToken ct)
    {
        _logger.LogInformation("Creating PostgreSQL cluster in {Directory}", ClusterDirectory);
        var pwFile = Path.Combine(parent, ".initdb-pw");
        await SecretFile.WriteAsync(pwFile, Password, ct);
        if (_runAs is not null) await ChownAsync(pwFile, _runAs, ct);
        try
        {
            var (code, output) = await ProcessRunner.RunAsync(_runAs, Path.Combine(_binDir, "initdb"),
                ["-D", ClusterDirectory, "-U", "postgres", "--pwfile", pwFile, "--auth=scram-sha-256",
                 "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], TimeSpan.FromMinutes(2), ct);
            if (code != 0) throw new InvalidOperationException($"initdb failed ({code}): {output}");
        }
        finally
        {
            File.Delete(pwFile);
        }
    }

    /// <summary>
    /// A service killed without shutdown leaves its server running on a port nobody knows any more:
    /// stop it so that this start owns the cluster.
    /// </summary>
    private async Task StopLeftoverServerAsync(CancellationToken ct)
    {
        var (status, _) = await ProcessRunner.RunAsync(_runAs, Path.Combine(_binDir, "pg_ctl"),
            ["-D", ClusterDirectory, "status"], TimeSpan.FromSeconds(30), ct);
        if (status != 0) return;
        _logger.LogWarning("A PostgreSQL server left running on {Directory} is being stopped first", ClusterDirectory);
        await ProcessRunner.RunAsync(_runAs, Path.Combine(_binDir, "pg_ctl"),
            ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], TimeSpan.FromSeconds(60), ct);
    }

    private async Task StartServerAsync(CancellationToken ct, int? port = null)
    {
        Port = port ?? FreeLoopbackPort();
        var log = Path.Combine(Path.GetDirectoryName(ClusterDirectory)!, "postgres.log");
        // pg_ctl's log file only gets what the server says before its collector starts; the collector writes one
        // file per weekday under the cluster's log/ and overwrites last week's, so the log never grows without end.
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections={_maxConnections} " +
                      "-c logging_collector=on -c log_filename=postgresql-%a.log -c log_truncate_on_rotation=on -c log_rotation_age=1d -c log_rotation_size=0";
        var (code, output) = await ProcessRunner.RunAsync(_runAs, Path.Combine(_binDir, "pg_ctl"),
            ["-D", ClusterDirectory, "-l", log, "-o", options, "-w", "-t", "60", "start"], TimeSpan.FromSeconds(90), ct);
        if (code != 0)
            throw new InvalidOperationException($"PostgreSQL did not start ({code}): {output}\nSee {log}");
        _running = true;
        await WaitUntilAcceptingAsync(ct);
        _logger.LogInformation("Embedded PostgreSQL listening on 127.0.0.1:{Port}", Port);
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken ct)
    {
        // Elapsed time, not the clock: a wall-clock jump must not cut the wait short or stretch it.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var conn = new NpgsqlConnection(ConnectionString());
                await conn.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200, ct);
            }
        }
    }

    /// <summary>Stops the server (fast mode: open sessions are ended, nothing committed is lost).</summary>
    public async Task StopAsync()
    {
        if (!_running) return;
        _running = false;
        NpgsqlConnection.ClearAllPools();
        await ProcessRunner.RunAsync(_runAs, Path.Combine(_binDir, "pg_ctl"),
            ["-D", ClusterDirectory, "-m", "fast", "-w", "stop"], TimeSpan.FromSeconds(60));
    }

    public void ReleaseOwnership()
    {
        _ownerLock?.Dispose();
        _ownerLock = null;
    }

    /// <summary>Starts a stopped server again on the same port (used to test recovery).</summary>
    public Task RestartAsync(CancellationToken ct = default) => StartServerAsync(ct, Port);

    /// <summary>
    /// Creates the database, owned by <see cref="DatabaseRoles.Owner"/>; whatever in it belongs to another role
    /// (a database made before the roles, Hangfire's schema made by the service's role) is handed over to it.
    /// </summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken ct = default)
    {
        await using (var conn = new NpgsqlConnection(ConnectionString()))
        {
            await conn.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1", conn);
            exists.Parameters.AddWithValue(database);
            var owner = await exists.ExecuteScalarAsync(ct) as string;
            if (owner is null)
            {
                await using var create = new NpgsqlCommand(
                    $"CREATE DATABASE \"{database.Replace("\"", "")}\" OWNER {DatabaseRoles.Owner}", conn);
                await create.ExecuteNonQueryAsync(ct);
                return;
            }
        }
        await using var onDatabase = new NpgsqlConnection(ConnectionString(database));
        await onDatabase.OpenAsync(ct);
        await DatabaseRoles.HandOverAsync(onDatabase, ct);
    }

    /// <summary>A start that fails after the cluster is up exits the process (StartupExit): the server goes with it.</summary>
    private void StopOnExit(object? sender, EventArgs e) => StopAsync().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        await StopAsync();
        ReleaseOwnership();
    }
}
