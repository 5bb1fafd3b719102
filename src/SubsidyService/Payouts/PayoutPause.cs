using System.ComponentModel.DataAnnotations;
using Dapper;
using Npgsql;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Payouts;

/// <summary>
/// The pause as <c>GET /api/v1/payouts/pause</c> shows it. Reason, since and by describe the last change: the pause
/// while paused, the resume after it (null before the first change).
/// </summary>
public sealed record PayoutPauseView(bool Paused, string? Reason, DateTime? Since, string? By);

public sealed record PayoutPauseInput([property: MaxLength(PayoutPause.MaxReasonLength)] string? Reason);

/// <summary>
/// The payout pause kept in the database (<c>payout_pause</c>, one row): while paused no batch is recorded or
/// started, by the schedule or by hand (a batch already running finishes). Administrators or finance pause; only
/// finance resumes, because resuming is finance's word that the batches agree with the bank's statements.
/// </summary>
public sealed class PayoutPause(NpgsqlDataSource db, PayoutStore store, IPayoutJobs jobs, ISecurityEvents security, TimeProvider clock)
{
    public const int MaxReasonLength = 500;

    private const string Columns = "paused, reason, changed_at AS since, changed_by_label AS by";

    public async Task<PayoutPauseView> GetAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        // The row is made by the migration; should it be deleted by hand, "not paused" is what it said before.
        return await conn.QuerySingleOrDefaultAsync<PayoutPauseView>($"SELECT {Columns} FROM payout_pause")
            ?? new PayoutPauseView(false, null, null, null);
    }

    /// <summary>Pausing a paused system is a 409 (<c>already_paused</c>): the first reason stays, and the log shows one pause.</summary>
    public async Task<Outcome<PayoutPauseView>> PauseAsync(Actor actor, string? reason)
    {
        if (Validate(reason) is { } refused) return refused;
        var changed = await ChangeAsync(paused: true, actor, reason!.Trim());
        if (changed is null)
            return Refusal.Conflict("already_paused", "拨付已处于暂停状态", "拨付已暂停，无需再次暂停；原暂停原因保持不变。");
        await security.RecordAsync(SecurityAct.PayoutsPaused, null, changed.Reason);
        return changed;
    }

    /// <summary>Resuming hands over the batches recorded before the pause and not yet started; 409 <c>not_paused</c> when nothing is paused.</summary>
    public async Task<Outcome<PayoutPauseView>> ResumeAsync(Actor actor, string? reason)
    {
        if (Validate(reason) is { } refused) return refused;
        var changed = await ChangeAsync(paused: false, actor, reason!.Trim());
        if (changed is null) return Refusal.Conflict("not_paused", "拨付未暂停", "拨付并未暂停，无需恢复。");
        await security.RecordAsync(SecurityAct.PayoutsResumed, null, changed.Reason);
        // A second job for a queued batch is harmless: a run of a batch already started or finished does nothing.
        foreach (var id in await store.QueuedAsync()) await store.SetJobIdAsync(id, jobs.EnqueueBatch(id));
        return changed;
    }

    /// <summary>What a refused batch request says: since when, by whom, why, and who may resume.</summary>
    public static Refusal PausedRefusal(PayoutPauseView pause) => new(409, "payouts_paused", "拨付已暂停",
        $"拨付自 {(pause.Since is { } since ? ChinaTime.Format(since) : "—")} 起由{pause.By ?? "系统"}暂停：{pause.Reason}。" +
        "暂停期间不生成拨付批次；财务人员核对银行流水后，可在“拨付批次”页面恢复拨付（POST /api/v1/payouts/resume）。");

    private static Refusal? Validate(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) return Refusal.Validation("reason", "请填写原因。");
        if (reason.Trim().Length > MaxReasonLength) return Refusal.Validation("reason", $"原因不能超过 {MaxReasonLength} 个字。");
        return null;
    }

    /// <summary>One conditional update: of two people pausing at once, one pauses and the other is told it already is.</summary>
    private async Task<PayoutPauseView?> ChangeAsync(bool paused, Actor actor, string reason)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<PayoutPauseView>($"""
            UPDATE payout_pause SET paused = @paused, reason = @reason, changed_by = @id, changed_by_label = @label, changed_at = @now
            WHERE paused <> @paused
            RETURNING {Columns}
            """, new { paused, reason, id = actor.Id, label = actor.Label, now = clock.GetUtcNow().UtcDateTime });
    }
}
