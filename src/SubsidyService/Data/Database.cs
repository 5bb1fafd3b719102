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
        if (IsEmbedded)
        {
            _embedded = await EmbeddedPostgres.StartAsync(options.DataDirectory, logger, ct);
            await _embedded.EnsureDatabaseAsync(DatabaseOptions.EmbeddedDatabaseName, ct);
            ConnectionString = _embedded.ConnectionString(DatabaseOptions.EmbeddedDatabaseName);
            logger.LogInformation("Embedded PostgreSQL data in {Directory}", _embedded.ClusterDirectory);
        }
        await migrator.MigrateAsync(ConnectionString, ct);
        IsMigrated = true;
        _dataSource = new NpgsqlDataSourceBuilder(ConnectionString).Build();
    }

    public async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct = default)
        => await DataSource.OpenConnectionAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        if (_embedded is not null) await _embedded.DisposeAsync();
    }
}
