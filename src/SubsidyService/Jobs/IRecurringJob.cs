namespace SubsidyService.Jobs;

/// <summary>
/// A job run on a schedule. Hangfire delivers at least once (a node that dies mid-run has its job run again
/// elsewhere), so a run must be safe to repeat: its writes are guarded by database constraints, never by
/// "it runs once". Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public interface IRecurringJob
{
    /// <param name="ct">Cancelled when the node shuts down; the job is then run again by another node.</param>
    Task RunAsync(CancellationToken ct);
}
