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

    public string ConnectionString { get; private set; } = options.ConnectionString ?? "";

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The database has not been started yet.");

    public async Task StartAsync(CancellationToken ct = default)
    {
        if (_dataSource is not null) return;
        string migrations;
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
            migrations = options.MigrationsConnectionString ?? ConnectionString;
        }
        // The service's role gets its grants from the owner at the end of every migration run, so tables
        // added by later migrations are covered too.
        var runtimeRole = migrations == ConnectionString ? null : await CurrentUserAsync(ConnectionString, ct);
        await migrator.MigrateAsync(migrations, Migrator.Embedded(), runtimeRole, ct);
        IsMigrated = true;
        _dataSource = new NpgsqlDataSourceBuilder(ConnectionString).Build();
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
