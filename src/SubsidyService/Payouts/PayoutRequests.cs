using SubsidyService.Kernel;

namespace SubsidyService.Payouts;

/// <summary>A batch is recorded first and then handed to the job server, which runs it on whichever node fetches it.</summary>
public sealed class PayoutRequests(PayoutStore store, PayoutPause pause, IPayoutJobs jobs, ISecurityEvents security, TimeProvider clock)
{
    /// <summary>How long a request may take between recording its batch and handing it over.</summary>
    private static readonly TimeSpan HandOverGrace = TimeSpan.FromMinutes(1);

    /// <summary>Refused (409 <c>payouts_paused</c>) while payouts are paused in the database.</summary>
    /// <param name="claimIds">The claims finance confirmed (the batch takes no other); null: every claim ready when it runs.</param>
    public async Task<Outcome<Guid>> RequestAsync(Guid? requestedBy, string origin = "manual", Guid[]? claimIds = null)
    {
        var id = Guid.NewGuid();
        if (!await store.CreateBatchAsync(id, origin, requestedBy, clock.GetUtcNow().UtcDateTime, claimIds))
            return PayoutPause.PausedRefusal(await pause.GetAsync());
        await store.SetJobIdAsync(id, jobs.EnqueueBatch(id));
        await security.RecordAsync(SecurityAct.PayoutBatchRequested, id.ToString(), origin == "manual" ? "手动执行" : "按计划执行");
        return id;
    }

    /// <summary>
    /// Hands over the batches whose request died between the insert and the enqueue, so none waits as
    /// <c>queued</c> for ever. A batch whose job was enqueued but whose job id was not written gets a second
    /// job, which is harmless: a run of a finished batch does nothing.
    /// </summary>
    public async Task<int> HandOverUnhandedAsync()
    {
        var ids = await store.UnhandedAsync(clock.GetUtcNow().UtcDateTime - HandOverGrace);
        foreach (var id in ids) await store.SetJobIdAsync(id, jobs.EnqueueBatch(id));
        return ids.Count;
    }
}
