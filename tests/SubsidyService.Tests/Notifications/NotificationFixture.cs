using Dapper;
using Npgsql;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Notifications;

/// <summary>One database, one maildev and one service node sending to it every 200 ms, on a clock a test may move.</summary>
public sealed class NotificationFixture : IAsyncLifetime
{
    public MailDev Mail { get; } = new();
    public ShiftableClock Clock { get; } = new();
    public string ConnectionString { get; private set; } = "";
    public SubsidyApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // maildev takes seconds to start: the database and the node start meanwhile (the node's sender
        // finds nothing due until a test writes mail).
        var mail = Mail.StartAsync();
        ConnectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        App = new SubsidyApp(ConnectionString, Clock, Mail.Settings());
        await Task.Run(() => App.Server);
        await mail;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Mail.DisposeAsync();
    }

    /// <summary>Reads the outbox as a superuser would.</summary>
    public async Task<T> QueryAsync<T>(string sql, object? args = null)
    {
        await using var conn = await TestPostgres.OpenAsync(ConnectionString);
        return await conn.QuerySingleAsync<T>(sql, args);
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var conn = await TestPostgres.OpenAsync(ConnectionString);
        await conn.ExecuteAsync(sql, args);
    }

    public static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("timed out waiting: " + what);
    }

    /// <summary>Runs <paramref name="write"/> in a transaction of the service's own data source, as a feature would.</summary>
    public static async Task InTransactionAsync(SubsidyApp app, Func<NpgsqlConnection, NpgsqlTransaction, Task> write)
    {
        await using var conn = await app.Service<NpgsqlDataSource>().OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await write(conn, tx);
        await tx.CommitAsync();
    }
}
