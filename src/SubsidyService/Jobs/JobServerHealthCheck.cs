using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SubsidyService.Jobs;

/// <summary>
/// Healthy once this node's job server has started and Hangfire's store answers. Hangfire retries on its own
/// while the database is away; this check is what tells a load balancer in the meantime.
/// </summary>
public sealed class JobServerHealthCheck(IServiceProvider services, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        // The server starts with the application (Hangfire waits for ApplicationStarted).
        if (!lifetime.ApplicationStarted.IsCancellationRequested)
            return Task.FromResult(HealthCheckResult.Unhealthy("job server not started yet"));
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return Task.FromResult(HealthCheckResult.Unhealthy("job server stopping"));
        try
        {
            // A read of the servers' table: the cheapest query that goes through Hangfire's own storage.
            var servers = services.GetRequiredService<JobStorage>().GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy($"{servers.Count} job server(s)"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage unreachable", ex));
        }
    }
}
