using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Policy;

/// <summary>
/// Holds one connection per node that LISTENs for changes to <c>policy_versions</c> and tells the
/// <see cref="PolicyStore"/> to drop its copy. The store caches only while this is connected: a lost
/// connection may have missed a notification, so until it is back every read goes to the database. The connection
/// is a session of its own, straight to PostgreSQL (<see cref="ListenSessions"/>), never through a pooler.
/// </summary>
public sealed class PolicyChangeListener([FromKeyedServices(ListenSessions.Key)] NpgsqlDataSource sessions, PolicyStore store, ILogger<PolicyChangeListener> logger) : BackgroundService
{
    // A silently dropped connection would never say so; a query after this long without notifications finds out.
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = await sessions.OpenConnectionAsync(stoppingToken);
                conn.Notification += (_, _) => store.Invalidate();
                await using (var listen = new NpgsqlCommand($"LISTEN {PolicyStore.Channel}", conn))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                store.SetListening(true);
                while (true)
                {
                    if (!await conn.WaitAsync(Probe, stoppingToken))
                    {
                        await using var probe = new NpgsqlCommand("SELECT 1", conn);
                        await probe.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                store.SetListening(false);
                logger.LogWarning(ex, "Lost the policy-change notifications; reading policy versions from the database until reconnected");
            }

            try
            {
                await Task.Delay(Retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        store.SetListening(false);
    }
}
