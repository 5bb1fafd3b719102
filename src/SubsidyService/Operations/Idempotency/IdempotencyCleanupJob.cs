using Microsoft.Extensions.Options;
using SubsidyService.Jobs;

namespace SubsidyService.Operations.Idempotency;

/// <summary>
/// Hourly: deletes keys past their lifetime. They already count as absent, so this only keeps the table
/// small; a second run (Hangfire delivers at least once) finds nothing more to delete.
/// </summary>
public sealed class IdempotencyCleanupJob(IdempotencyStore store, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyCleanupJob> logger)
    : IRecurringJob
{
    public const string Id = "idempotency-cleanup";

    public async Task RunAsync(CancellationToken ct)
    {
        var deleted = await store.DeleteExpiredAsync(clock.GetUtcNow() - options.Value.KeyLifetime, ct);
        if (deleted > 0) logger.LogInformation("Deleted {Count} expired idempotency keys", deleted);
    }
}
