using Hangfire;

namespace SubsidyService.Payouts;

/// <summary>
/// Payout work on the cluster's job server: whichever node fetches a job runs it, and a job whose node dies is
/// fetched again elsewhere (the runner is safe to repeat; see <see cref="PayoutBatchRunner"/>).
/// </summary>
public sealed class HangfirePayoutJobs(IBackgroundJobClient jobs) : IPayoutJobs
{
    // Hangfire passes the server's own token in place of CancellationToken.None when it runs the job.
    public string? EnqueueBatch(Guid batchId) =>
        jobs.Enqueue<PayoutBatchRunner>(r => r.RunBatchAsync(batchId, CancellationToken.None));

    public void ScheduleBankSettlement(Guid batchId, TimeSpan delay) =>
        jobs.Schedule<SimulatedBank>(b => b.SettleBatchAsync(batchId, CancellationToken.None), delay);
}
