using SubsidyService.Jobs;
using SubsidyService.Kernel;

namespace SubsidyService.Operations.Retention;

/// <summary>
/// Nightly: every kind of data past its retention is removed by the feature that owns it, and the run is recorded in
/// the chained log as counts per kind ("withdrawn_claim_evidence=3; sent_mail_body=120"), so an auditor sees that the
/// purge ran and what it took without the log holding any of it. The log itself is never purged: security events are
/// kept as long as the chain (beyond the 180 days the rules ask).
/// </summary>
[JobDescription("过期数据清理", "删除超过保存期限的数据（如已撤回申请的材料、已发出邮件的正文），并把各类删除的件数记入审计日志。")]
public sealed class DataPurgeJob(IEnumerable<IRetentionPurge> purges, ISecurityEvents security, TimeProvider clock, ILogger<DataPurgeJob> logger)
    : IRecurringJob
{
    public const string Id = "data-purge";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var counts = new List<string>();
        foreach (var purge in purges.OrderBy(p => p.Kind, StringComparer.Ordinal))
        {
            var removed = await purge.PurgeAsync(now, ct);
            counts.Add($"{purge.Kind}={removed}");
        }
        var detail = string.Join("; ", counts);
        logger.LogInformation("Data purge: {Counts}", detail);
        await security.RecordAsync(SecurityAct.DataPurged, "retention", detail, Actor.System);
    }
}
