using SubsidyService.Jobs;

namespace SubsidyService.Audit;

/// <summary>
/// Every minute: seals the events committed since the last checkpoint. Sealing is idempotent (an event is
/// sealed once, under the sealer's own lock), so a second delivery seals nothing more.
/// </summary>
[JobDescription("审计日志封存", "把新写入的事件封存进带签名的检查点，此后对日志的任何改动都能被核验发现。")]
public sealed class CheckpointSealJob(CheckpointSealer sealer) : IRecurringJob
{
    public const string Id = "audit-seal";

    public Task RunAsync(CancellationToken ct) => sealer.SealAsync(ct);
}
