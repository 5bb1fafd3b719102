using Microsoft.Extensions.Options;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Jobs;

namespace SubsidyService.Payouts;

/// <summary>
/// The recurring batch (<c>Payouts:Cron</c>, China time): when claims are waiting, a batch is requested as a
/// finance officer would request one. The scheduler fires it once per cluster. A batch whose request failed
/// after it was recorded is handed over here first. <c>Payouts:Paused</c> (configuration) stops this schedule only;
/// the pause kept in the database (<see cref="PayoutPause"/>) stops it and batches requested by hand.
/// </summary>
[JobDescription("定时拨付批次", "有待拨付的申请时，像财务人员手动操作一样生成一个拨付批次并生成银行付款文件；拨付暂停时不生成。属于财务操作，本页不能手动执行。")]
[MoneyJob]
public sealed class ScheduledPayout(NpgsqlDataSource db, PayoutRequests requests, PayoutPause pause, IOptions<PayoutOptions> options,
    ILogger<ScheduledPayout> logger)
    : IRecurringJob
{
    public const string JobId = "payout-batch";

    public async Task RunAsync(CancellationToken ct)
    {
        if (options.Value.Paused)
        {
            logger.LogWarning("Scheduled payout: paused by Payouts:Paused, no batch is made");
            return;
        }
        if (await pause.GetAsync() is { Paused: true } paused)
        {
            logger.LogWarning("Scheduled payout: payouts are paused in the database ({Reason}), no batch is made", paused.Reason);
            return;
        }
        if (await requests.HandOverUnhandedAsync() is > 0 and var orphans)
            logger.LogWarning("Scheduled payout: {Count} batches recorded but never handed to the job server are handed over now", orphans);
        int ready;
        await using (var conn = await db.OpenConnectionAsync(ct))
            ready = await PayoutCandidates.CountPayableAsync(conn);
        if (ready == 0)
        {
            logger.LogInformation("Scheduled payout: no claim is ready for payout");
            return;
        }
        var requested = await requests.RequestAsync(null, "schedule");
        if (requested.Succeeded)
            logger.LogInformation("Scheduled payout: batch {BatchId} requested for {Count} ready claims", requested.Value, ready);
        else
            logger.LogWarning("Scheduled payout: payouts were paused meanwhile, no batch is made");
    }
}
