using Npgsql;

namespace SubsidyService.Data;

/// <summary>
/// The one database of the service. Before anything opens a connection, <see cref="StartAsync"/>
/// starts the embedded server if there is no connection string, and applies the migrations.
/// </summary>
public sealed class Database(DatabaseOptions options, Migrator migrator, ILogger<Database> logger) : IAsyncDisposable
{
    private EmbeddedPostgres? _embedded;
    private NpgsqlDataSource? _dataSource;

    public bool IsEmbedded => string.IsNullOrWhiteSpace(options.ConnectionString);
    public bool IsMigrated { get; private set; }
    public bool InProduction => options.InProduction;

    public string ConnectionString { get; private set; } = options.ConnectionString ?? "";

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The database has not been started yet.");

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
            migrations ??= ConnectionString;
            // The service's role gets its grants from the owner at the end of every migration run, so tables
            // added by later migrations are covered too.
            var runtimeRole = migrations == ConnectionString ? null : await CurrentUserAsync(ConnectionString, ct);
            await migrator.MigrateAsync(migrations, Migrator.Embedded(), runtimeRole, ct);
        }
        else
        {
            await SchemaVersion.EnsureCurrentAsync(ConnectionString, Migrator.Embedded(), ct);
        }
        await RoleCheck.EnsureUnprivilegedAsync(ConnectionString, options.AllowPrivilegedRole, ct);
        IsMigrated = true;
        // Set by the migrations on the database too; here as well, so a database-wide setting changed by hand
        // cannot put a schema of the role's own name ("$user") before the real tables.
        var builder = new NpgsqlDataSourceBuilder(ConnectionString);
        builder.ConnectionStringBuilder.SearchPath ??= Migrator.SearchPath;
        _dataSource = builder.Build();
    }

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
        var owner = options.MigrationsConnectionString ?? ConnectionString;
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
        if (_embedded is not null) await _embedded.DisposeAsync();
    }
}
