namespace SubsidyService.Payouts;

/// <summary>Where the payout feature hands work to the job server: a batch to run, a simulated bank answer to give later.</summary>
public interface IPayoutJobs
{
    /// <returns>The job's id, kept on the batch for the dashboard.</returns>
    string? EnqueueBatch(Guid batchId);

    void ScheduleBankSettlement(Guid batchId, TimeSpan delay);
}
