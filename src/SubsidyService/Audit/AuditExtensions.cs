using SubsidyService.Operations.Metrics;
using SubsidyService.Jobs;
using SubsidyService.Kernel;
using SubsidyService.Operations.Health;
namespace SubsidyService.Audit;

/// <summary>The hash-chained event log every feature appends to, its sealed checkpoints, and the auditors' endpoints over them.</summary>
public static class AuditExtensions
{
    /// <summary>
    /// The event log, its checkpoints and their verification; the sealer runs as a recurring job.
    /// </summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        // The same two index ends as SealLagHealthCheck reads.
        builder.Services.AddScalarGauge("subsidy.audit.seal_lag", "Age of the oldest event not yet sealed", "s", """
            SELECT coalesce(extract(epoch FROM now() - min(e.at)), 0) FROM public.claim_events e
            WHERE e.id > coalesce((SELECT max(m.event_id) FROM public.audit_checkpoint_events m), 0)
            """);
        builder.Services.AddSingleton<SealKey>();
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddSingleton<EventChainVerifier>();
        builder.Services.AddSingleton<CheckpointSealer>();
        builder.Services.AddSingleton<EventExport>();
        builder.Services.AddSingleton<StageTimes>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ISecurityEvents, SecurityLog>();
        builder.Services.AddSingleton<SecurityEventList>();
        builder.Services.AddHostedService<SealKeyCheck>();
        builder.Services.AddHealthChecks().AddDegradingCheck<SealLagHealthCheck>("audit-seal");
        builder.Services.AddRecurringJob<CheckpointSealJob>(CheckpointSealJob.Id, Hangfire.Cron.Minutely());
        return builder;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        app.MapAuditEndpoints();
        return app;
    }

    /// <summary>A missing or unreadable seal key stops the server at start, not at the first seal or claim.</summary>
    private sealed class SealKeyCheck(SealKey key) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            key.EnsureLoaded();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
