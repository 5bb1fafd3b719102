namespace SubsidyService.Payouts;

/// <summary>A batch is recorded first and then handed to the job server, which runs it on whichever node fetches it.</summary>
public sealed class PayoutRequests(PayoutStore store, IPayoutJobs jobs, TimeProvider clock)
{
    public async Task<Guid> RequestAsync(Guid? requestedBy, string origin = "manual")
    {
        var id = Guid.NewGuid();
        await store.CreateBatchAsync(id, origin, requestedBy, clock.GetUtcNow().UtcDateTime);
        await store.SetJobIdAsync(id, jobs.EnqueueBatch(id));
        return id;
    }
}
