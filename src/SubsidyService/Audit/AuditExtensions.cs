namespace SubsidyService.Audit;

public static class AuditExtensions
{
    /// <summary>
    /// The event log, its checkpoints and their verification. <see cref="CheckpointSealer.SealAsync"/> is
    /// meant for the job scheduler's recurring schedule.
    /// </summary>
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SealKey>();
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddSingleton<EventChainVerifier>();
        builder.Services.AddSingleton<CheckpointSealer>();
        builder.Services.AddHostedService<SealKeyCheck>();
        return builder;
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
