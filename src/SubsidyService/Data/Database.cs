using Npgsql;

namespace SubsidyService.Data;

/// <summary>
/// The one database of the service. Before anything opens a connection, <see cref="StartAsync"/>
/// starts the embedded server if there is no connection string, and applies the migrations.
/// A node's connections (docs/operations.md, "Connections"): the service's pool (<see cref="DataSource"/>), the job
/// server's own small pool (<see cref="CreatePool"/>), and one unpooled session for LISTEN (<see cref="ListenDataSource"/>);
/// each names itself in pg_stat_activity. Start-up's checks and migrations use unpooled connections, so none of
/// them stays open afterwards.
/// </summary>
public sealed class Database(DatabaseOptions options, Migrator migrator, ILogger<Database> logger) : IAsyncDisposable
{
    private EmbeddedPostgres? _embedded;
    private NpgsqlDataSource? _dataSource;
    private NpgsqlDataSource? _listen;
    private readonly List<NpgsqlDataSource> _pools = [];

    /// <summary>What the service's connections call themselves (Application Name) unless the connection string names them.</summary>
    public const string ApplicationName = "SubsidyService";

    public bool IsEmbedded => string.IsNullOrWhiteSpace(options.ConnectionString);
    public bool IsMigrated { get; private set; }
    public bool InProduction => options.InProduction;

    public string ConnectionString { get; private set; } = options.ConnectionString ?? "";

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The database has not been started yet.");

    /// <summary>
    /// Sessions held for as long as the node runs (the policy listener's LISTEN): unpooled, straight to PostgreSQL
    /// (ConnectionStrings:SubsidyDirect when given), since a transaction-mode pooler would hand the LISTEN to a
    /// server connection that the next client then gets.
    /// </summary>
    public NpgsqlDataSource ListenDataSource =>
        _listen ?? throw new InvalidOperationException("The database has not been started yet.");

    /// <summary>
    /// A pool of its own on the service's string, at most <paramref name="maxPoolSize"/> connections, none kept
    /// open when idle beyond the string's Connection Idle Lifetime, named "SubsidyService <paramref name="purpose"/>".
    /// </summary>
    public NpgsqlDataSource CreatePool(string purpose, int maxPoolSize)
    {
        var pool = Build(ConnectionString, options.BehindPgBouncer, purpose, b =>
        {
            b.MaxPoolSize = maxPoolSize;
            b.MinPoolSize = 0;
        });
        lock (_pools) _pools.Add(pool);
        return pool;
    }

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_dataSource is not null) return;
        string? migrations;
        if (IsEmbedded)
        {
            _embedded = await EmbeddedPostgres.StartAsync(options.DataDirectory, logger, ct);
            await _embedded.EnsureDatabaseAsync(DatabaseOptions.EmbeddedDatabaseName, ct);
            ConnectionString = _embedded.ConnectionStringAs(DatabaseRoles.Service, DatabaseOptions.EmbeddedDatabaseName);
            migrations = _embedded.ConnectionStringAs(DatabaseRoles.Owner, DatabaseOptions.EmbeddedDatabaseName);
            logger.LogInformation("Embedded PostgreSQL data in {Directory}", _embedded.ClusterDirectory);
        }
        else
        {
            migrations = options.MigrationsConnectionString;
        }
        if (options.MigrateOnStart ?? migrations is not null)
        {
            // One string and MigrateOnStart=true: the service migrates as itself, which the role check then refuses
            // unless Database:AllowPrivilegedRole allows it.
            migrations ??= options.DirectConnectionString ?? ConnectionString;
            // The service's role gets its grants from the owner at the end of every migration run, so tables
            // added by later migrations are covered too.
            var runtimeRole = migrations == ConnectionString || migrations == options.DirectConnectionString
                ? null : await CurrentUserAsync(Unpooled(ConnectionString), ct);
            await migrator.MigrateAsync(Unpooled(migrations), Migrator.Embedded(), runtimeRole, ct);
        }
        else
        {
            await SchemaVersion.EnsureCurrentAsync(Unpooled(ConnectionString), Migrator.Embedded(), ct);
        }
        await RoleCheck.EnsureUnprivilegedAsync(Unpooled(ConnectionString), options.AllowPrivilegedRole, ct);
        if (options.DirectConnectionString is { } direct)
            await RoleCheck.EnsureUnprivilegedAsync(Unpooled(direct), options.AllowPrivilegedRole, ct);
        IsMigrated = true;
        _dataSource = Build(ConnectionString, options.BehindPgBouncer, null, null);
        _listen = Build(options.DirectConnectionString ?? ConnectionString, false, "listen", b => b.Pooling = false);
    }

    private static NpgsqlDataSource Build(string connectionString, bool throughPgBouncer, string? purpose, Action<NpgsqlConnectionStringBuilder>? tune)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var cs = builder.ConnectionStringBuilder;
        var name = cs.ApplicationName is { Length: > 0 } given ? given : ApplicationName;
        cs.ApplicationName = purpose is null ? name : $"{name} {purpose}";
        if (throughPgBouncer)
        {
            // Transaction mode: consecutive transactions of one client may run on different server connections, so
            // nothing may live in a session. No DISCARD ALL when a connection goes back to the pool (it would reach
            // some other client's server connection), and no prepared statements. PgBouncer refuses a search_path
            // among the start-up parameters; the role's and the database's own setting (section 2) stand instead.
            cs.NoResetOnClose = true;
            cs.MaxAutoPrepare = 0;
        }
        else
        {
            // Set by the migrations on the database too; here as well, so a database-wide setting changed by hand
            // cannot put a schema of the role's own name ("$user") before the real tables.
            cs.SearchPath ??= Migrator.SearchPath;
        }
        tune?.Invoke(cs);
        builder.Name = cs.ApplicationName;
        return builder.Build();
    }

    /// <summary>Start-up's one-off connections: closed when done rather than kept idle in a pool for minutes.</summary>
    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>
    /// The <c>migrate</c> command: applies the migrations with the owner's string (or the only string given) and
    /// grants the service's role, named by the service's string when there is one, else <see cref="DatabaseRoles.Service"/>.
    /// </summary>
    public async Task<int> MigrateOnlyAsync(CancellationToken ct = default)
    {
        if (IsEmbedded)
        {
            await StartAsync(ct);
            return 0;
        }
        var owner = options.MigrationsConnectionString ?? options.DirectConnectionString ?? ConnectionString;
        var serviceRole = options.MigrationsConnectionString is not null
            && new NpgsqlConnectionStringBuilder(ConnectionString).Username is { Length: > 0 } named ? named : DatabaseRoles.Service;
        return await migrator.MigrateAsync(owner, Migrator.Embedded(), serviceRole, ct);
    }

    private static async Task<string> CurrentUserAsync(string connectionString, CancellationToken ct)
    {
        if (new NpgsqlConnectionStringBuilder(connectionString).Username is { Length: > 0 } named) return named;
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT current_user", conn);
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct = default)
        => await DataSource.OpenConnectionAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        if (_listen is not null) await _listen.DisposeAsync();
        foreach (var pool in _pools) await pool.DisposeAsync();
        if (_embedded is not null) await _embedded.DisposeAsync();
    }
}
