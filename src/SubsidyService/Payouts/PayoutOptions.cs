namespace SubsidyService.Payouts;

/// <summary>Configuration section <c>Payouts</c>.</summary>
public sealed class PayoutOptions
{
    /// <summary><c>file</c>: finance sends the payment file to the bank and uploads its results; <c>simulated</c>: a pretend bank settles each batch by itself (demo, tests).</summary>
    public string Channel { get; set; } = "file";

    /// <summary>The recurring batch, in China time (Hangfire cron): weekdays at 02:00.</summary>
    public string Cron { get; set; } = "0 2 * * 1-5";

    /// <summary>How long the simulated bank takes to answer a batch.</summary>
    public int SimulatedDelaySeconds { get; set; } = 30;

    /// <summary>The share of payments the simulated bank refuses, 0..1; which ones is decided by each reference's hash.</summary>
    public double SimulatedFailureRate { get; set; } = 0.05;

    /// <summary>Claims gathered per transaction.</summary>
    public int ChunkSize { get; set; } = 2000;

    /// <summary>Runs of one batch's job before the batch is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// Payouts:Paused: the schedule makes no batch (after a restore, until finance has reconciled the restored
    /// batches with the bank, so a claim paid after the restored point is not paid again).
    /// </summary>
    public bool Paused { get; set; }

    public bool IsSimulated => string.Equals(Channel, "simulated", StringComparison.OrdinalIgnoreCase);
}
