namespace SubsidyService.Payouts;

/// <summary>Runs payout work on this node's thread pool (until the shared job server takes it over).</summary>
public sealed class BackgroundPayoutJobs(IServiceProvider services, ILogger<BackgroundPayoutJobs> logger) : IPayoutJobs
{
    public string? EnqueueBatch(Guid batchId)
    {
        Run(() => services.GetRequiredService<PayoutBatchRunner>().RunBatchAsync(batchId, CancellationToken.None));
        return null;
    }

    public void ScheduleBankSettlement(Guid batchId, TimeSpan delay) => Run(async () =>
    {
        await Task.Delay(delay);
        await services.GetRequiredService<SimulatedBank>().SettleBatchAsync(batchId, CancellationToken.None);
    });

    private void Run(Func<Task> work) => _ = Task.Run(async () =>
    {
        try { await work(); }
        catch (Exception ex) { logger.LogError(ex, "Payout job failed"); }
    });
}
