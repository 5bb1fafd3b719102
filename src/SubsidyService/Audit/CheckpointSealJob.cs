using SubsidyService.Jobs;

namespace SubsidyService.Audit;

/// <summary>
/// Every minute: seals the events committed since the last checkpoint. Sealing is idempotent (an event is
/// sealed once, under the sealer's own lock), so a second delivery seals nothing more.
/// </summary>
public sealed class CheckpointSealJob(CheckpointSealer sealer) : IRecurringJob
{
    public const string Id = "audit-seal";

    public Task RunAsync(CancellationToken ct) => sealer.SealAsync(ct);
}
