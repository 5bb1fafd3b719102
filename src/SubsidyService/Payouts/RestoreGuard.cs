using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Payouts;

/// <summary>
/// At start a node compares the database it runs on with the one payouts last ran on (its oid, which any role may
/// read). A dump restored into a new database (pg_dump/pg_restore, or CREATE DATABASE … TEMPLATE) has a new oid:
/// claims the bank paid after the dump are "ready for payout" again in it, so payouts pause until finance has
/// reconciled with the bank. A physical restore (pg_basebackup, point-in-time recovery) keeps the oid and is not
/// seen here: the runbook has the operator pause by hand before starting nodes on one.
/// </summary>
public sealed class RestoreGuard(NpgsqlDataSource db, ISecurityEvents security, TimeProvider clock, ILogger<RestoreGuard> logger)
{
    public static string RestoreReason(string? before, string now) =>
        $"数据库已从备份恢复（原数据库 {before}，现数据库 {now}）：恢复点之后银行可能已付款的申请在此仍显示为待拨付，" +
        "为防重复付款已自动暂停拨付。请财务核对银行流水后恢复拨付";

    private sealed record Identity(long? Oid, string? Name);

    /// <returns>True when this start found a restored database and paused payouts.</returns>
    public async Task<bool> CheckAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        // Nodes starting together queue on the row's lock: the first stores the identity or pauses, the rest see it done.
        await conn.ExecuteAsync("INSERT INTO payout_pause (id) VALUES (true) ON CONFLICT DO NOTHING", transaction: tx);
        var stored = await conn.QuerySingleAsync<Identity>(
            "SELECT database_oid AS oid, database_name AS name FROM payout_pause WHERE id FOR UPDATE", transaction: tx);
        var live = await conn.QuerySingleAsync<Identity>(
            "SELECT oid::bigint AS oid, datname::text AS name FROM pg_database WHERE datname = current_database()", transaction: tx);
        if (stored.Oid == live.Oid)
        {
            await tx.CommitAsync(ct);
            return false;
        }
        var restored = stored.Oid is not null;
        var reason = RestoreReason($"{stored.Name}（oid {stored.Oid}）", $"{live.Name}（oid {live.Oid}）");
        await conn.ExecuteAsync("""
            UPDATE payout_pause SET database_oid = @Oid, database_name = @Name,
                paused = paused OR @restored,
                reason = CASE WHEN @restored THEN @reason ELSE reason END,
                changed_by = CASE WHEN @restored THEN @system ELSE changed_by END,
                changed_by_label = CASE WHEN @restored THEN @label ELSE changed_by_label END,
                changed_at = CASE WHEN @restored THEN @now ELSE changed_at END
            WHERE id
            """, new { live.Oid, live.Name, restored, reason, system = Actor.System.Id, label = Actor.System.DisplayName,
                now = clock.GetUtcNow().UtcDateTime }, tx);
        await tx.CommitAsync(ct);
        if (!restored) return false;
        logger.LogWarning("Database restored from a backup (was {Before} oid {BeforeOid}, now {Now} oid {NowOid}): payouts are paused until finance resumes them",
            stored.Name, stored.Oid, live.Name, live.Oid);
        await security.RecordAsync(SecurityAct.DatabaseRestoreDetected, live.Name, reason, Actor.System);
        return true;
    }
}
