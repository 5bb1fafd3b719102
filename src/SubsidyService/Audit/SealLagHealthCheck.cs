using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SubsidyService.Data;

namespace SubsidyService.Audit;

/// <summary>
/// How long the oldest event past the last sealed one has waited for a checkpoint. The sealer runs every
/// minute; a quarter of an hour behind means it is failing (a missing key, a stuck job), which degrades the node.
/// Events after the highest sealed id stand for the unsealed ones, so the probe reads two index ends, not the log.
/// </summary>
public sealed class SealLagHealthCheck(Database database, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var conn = await database.OpenAsync(ct);
        var oldest = await conn.ExecuteScalarAsync<DateTimeOffset?>(new CommandDefinition("""
            SELECT min(e.at) FROM public.claim_events e
            WHERE e.id > coalesce((SELECT max(m.event_id) FROM public.audit_checkpoint_events m), 0)
            """, commandTimeout: 3, cancellationToken: ct));
        var lag = oldest is { } at ? clock.GetUtcNow() - at : TimeSpan.Zero;
        return lag <= Limit
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, $"seal lag {(int)lag.TotalMinutes} min");
    }
}
