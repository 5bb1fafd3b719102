using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace SubsidyService.Data;

/// <summary>Healthy only when the schema is migrated and the database answers a query right now.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!database.IsMigrated) return HealthCheckResult.Unhealthy("database not migrated yet");
        try
        {
            await using var conn = await database.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", conn) { CommandTimeout = 3 };
            await cmd.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
