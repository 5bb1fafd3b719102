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
        builder.Services.AddSingleton<SealKey>();
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddSingleton<EventChainVerifier>();
        builder.Services.AddSingleton<CheckpointSealer>();
        builder.Services.AddSingleton<EventExport>();
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
