using SubsidyService.Jobs;
using Microsoft.Extensions.Options;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Payouts;

/// <summary>
/// The job of one payout batch: gathers the ready claims chunk by chunk (each chunk one transaction: claims
/// locked with SKIP LOCKED, one payment each, <c>include_in_payout</c> decided by the machine and recorded with
/// its event), then writes the control totals and the payment file. The job may be delivered more than once, on
/// any node, after any crash: a run continues where the last committed chunk left off, chunks and completion
/// queue on the batch row's lock, and the payments' unique index makes a second live payment for a claim
/// impossible, so nothing here relies on the job running once.
/// </summary>
[JobDescription("拨付批次执行", "逐笔生成批次中的付款并写出银行付款文件；由财务人员在“拨付批次”页面发起。")]
[MoneyJob]
public sealed class PayoutBatchRunner(
    NpgsqlDataSource db, PayoutStore store, BulkTransitions bulk, IOptions<PayoutOptions> options, IPayoutJobs jobs,
    TimeProvider clock, ILogger<PayoutBatchRunner> logger)
{
    private const string Reason = "纳入拨付批次";

    public async Task RunBatchAsync(Guid batchId, CancellationToken ct)
    {
        var o = options.Value;
        BatchRow? run;
        Guid[]? only;
        await using (var conn = await db.OpenConnectionAsync(ct))
        {
            only = await PayoutStore.ScopeOfAsync(conn, batchId);
            run = await PayoutStore.BeginRunAsync(conn, batchId, await PayoutCandidates.CountReadyAsync(conn, only), o.MaxAttempts, Now);
        }
        if (run is null || run.Status != "running")
        {
            logger.LogInformation("Payout batch {BatchId}: nothing to run ({Status})", batchId, run?.Status ?? "finished, unknown, or not started while payouts are paused");
            return;
        }

        try
        {
            var refused = new HashSet<Guid>();
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var taken = await GatherChunkAsync(batchId, refused, only, Math.Max(1, o.ChunkSize), ct);
                if (taken is null) return; // another run of this batch completed it
                if (taken == 0) break;
            }
            if (await CompleteAsync(batchId, ct) is { } completed)
            {
                logger.LogInformation("Payout batch {BatchId} completed: {Count} payments, {Total} yuan", batchId, completed.ClaimCount,
                    Invariant.Money(completed.TotalAmount));
                if (o.IsSimulated) jobs.ScheduleBankSettlement(batchId, TimeSpan.FromSeconds(Math.Max(0, o.SimulatedDelaySeconds)));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await store.RecordErrorAsync(batchId, ex.Message, giveUp: run.Attempts >= o.MaxAttempts, Now);
            throw;
        }
    }

    /// <summary>One chunk, one transaction. Returns how many claims it looked at (0: none left), or null when the batch is no longer running.</summary>
    private async Task<int?> GatherChunkAsync(Guid batchId, HashSet<Guid> refused, Guid[]? only, int size, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Runs of the same batch take turns here, and completion waits for the chunk in progress: no payment
        // can join a batch after its file is written.
        if (await PayoutStore.LockRunningAsync(conn, tx, batchId) is null) return null;

        var candidates = await PayoutCandidates.LockReadyAsync(conn, tx, size, refused, only);
        if (candidates.Count == 0) return 0;
        var decisions = BulkTransitions.Decide(candidates, ClaimTrigger.IncludeInPayout);
        foreach (var d in decisions.Where(d => !d.IsPermitted))
        {
            refused.Add(d.ClaimId);
            logger.LogInformation("Claim {ClaimId} left out of payout batch {BatchId}: {Reason}", d.ClaimId, batchId, d.Refusal);
        }

        var permitted = decisions.Where(d => d.IsPermitted).Select(d => d.ClaimId).ToList();
        var now = Now;
        var payments = (await PaymentStatements.InsertPaymentsAsync(conn, tx, batchId, permitted, now)).ToDictionary(p => p.ClaimId);
        await bulk.RecordAsync(conn, tx, ClaimTrigger.IncludeInPayout, decisions, Reason, claimId =>
        {
            var p = payments[claimId];
            return new PayoutInclusionData(batchId, p.Id, p.Reference, Invariant.Money(p.Amount));
        });
        await PayoutStore.AddGatheredAsync(conn, tx, batchId, payments.Count, payments.Values.Sum(p => p.Amount), now);
        await tx.CommitAsync(ct);
        return candidates.Count;
    }

    /// <summary>Control totals and the file, from the payments themselves, under the batch's lock.</summary>
    private async Task<BatchRow?> CompleteAsync(Guid batchId, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (await PayoutStore.LockRunningAsync(conn, tx, batchId) is null) return null;
        var (count, total) = await PayoutStore.TotalsAsync(conn, tx, batchId);
        var (file, sha256) = await PaymentFile.WriteCsvAsync(PaymentStatements.PaymentsOf(conn, batchId, tx));
        await PayoutStore.CompleteAsync(conn, tx, batchId, count, total, file, sha256, Now);
        await tx.CommitAsync(ct);
        return await store.FindAsync(batchId);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
