using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Approval;

/// <summary>
/// Moves claims whose public notice has ended to ready_for_payout by firing the machine's system trigger.
/// Each claim goes in its own transaction; one still flagged is left in notice (the machine's guard says
/// so) and tried again on the next run. Running twice, or on two nodes, moves nothing twice: the second
/// finds the claim no longer in notice.
/// </summary>
public sealed class NoticeSweep(NpgsqlDataSource db, ClaimTransitions transitions, TimeProvider clock, ILogger<NoticeSweep> logger)
{
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        IReadOnlyList<Guid> due;
        await using (var conn = await db.OpenConnectionAsync(ct))
            due = await ClaimNotices.NoticeEndedAsync(conn, today, 100_000);

        var moved = 0;
        foreach (var chunk in due.Chunk(Batch))
        {
            ct.ThrowIfCancellationRequested();
            foreach (var id in chunk)
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                var fired = await transitions.FireAsSystemAsync(conn, tx, id, ClaimTrigger.NoticeElapsed, "公示期满，无异议");
                await tx.CommitAsync(ct);
                if (fired.Succeeded) moved++;
                else logger.LogInformation("Claim {ClaimId} stays in public notice: {Reason}", id, fired.Refusal!.Message);
            }
        }
        if (moved > 0) logger.LogInformation("Public notice ended for {Count} claims", moved);
        return moved;
    }
}
