using Microsoft.Extensions.Options;
using SubsidyService.Jobs;

namespace SubsidyService.Operations.Idempotency;

/// <summary>
/// Hourly: deletes keys past their lifetime. They already count as absent, so this only keeps the table
/// small; a second run (Hangfire delivers at least once) finds nothing more to delete.
/// </summary>
[JobDescription("重复提交记录清理", "删除已过期的防重复提交记录（同一请求重发时据此只办理一次），只为让表保持小巧，不影响任何申请。")]
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
