using Dapper;
using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Payouts;

/// <summary>The SQL of payout batches, payments and bank result imports; writes take the caller's transaction.</summary>
public sealed class PayoutStore(NpgsqlDataSource db)
{
    /// <summary>
    /// Records a queued batch unless payouts are paused in the database; false when paused. One statement, so a
    /// pause committed before it is always seen: no batch slips in between a check and the insert.
    /// </summary>
    /// <param name="claimIds">The claims a confirmed batch may take; null: every claim ready when it runs.</param>
    public async Task<bool> CreateBatchAsync(Guid id, string origin, Guid? requestedBy, DateTime now, Guid[]? claimIds = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteAsync("""
            INSERT INTO payout_batches (id, status, origin, requested_by, requested_at, updated_at, claim_ids)
            SELECT @id, 'queued', @origin, @requestedBy, @now, @now, @claimIds
            WHERE NOT EXISTS (SELECT FROM payout_pause WHERE paused)
            """, new { id, origin, requestedBy, now, claimIds }) == 1;
    }

    /// <summary>The claims a confirmed batch may take, or null for a batch of every ready claim.</summary>
    public static Task<Guid[]?> ScopeOfAsync(NpgsqlConnection conn, Guid id) =>
        conn.QuerySingleOrDefaultAsync<Guid[]?>("SELECT claim_ids FROM payout_batches WHERE id = @id", new { id });

    /// <summary>Every batch recorded and not yet started: handed over again when payouts resume.</summary>
    public async Task<IReadOnlyList<Guid>> QueuedAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<Guid>("SELECT id FROM payout_batches WHERE status = 'queued' ORDER BY requested_at")).AsList();
    }

    public async Task SetJobIdAsync(Guid id, string? jobId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE payout_batches SET job_id = @jobId WHERE id = @id", new { id, jobId });
    }

    /// <summary>Batches recorded but never handed to the job server (the hand-over failed after the insert).</summary>
    public async Task<IReadOnlyList<Guid>> UnhandedAsync(DateTime requestedBefore)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<Guid>(
            "SELECT id FROM payout_batches WHERE status = 'queued' AND job_id IS NULL AND requested_at < @requestedBefore ORDER BY requested_at",
            new { requestedBefore })).AsList();
    }

    public async Task<BatchRow?> FindAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<BatchRow>($"SELECT {BatchRow.Columns} FROM payout_batches WHERE id = @id", new { id });
    }

    public async Task<IReadOnlyList<BatchRow>> ListAsync(int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<BatchRow>(
            $"SELECT {BatchRow.Columns} FROM payout_batches ORDER BY requested_at DESC LIMIT @limit", new { limit })).ToList();
    }

    /// <summary>
    /// A run of the batch's job begins: queued becomes running and the run is counted. A finished batch is left
    /// as it is (the caller stops); one run too many marks it failed. While payouts are paused a queued batch is
    /// not started (a batch already running goes on); it is handed over again when they resume.
    /// </summary>
    public static Task<BatchRow?> BeginRunAsync(NpgsqlConnection conn, Guid id, int expected, int maxAttempts, DateTime now) =>
        conn.QuerySingleOrDefaultAsync<BatchRow>($"""
            UPDATE payout_batches SET
                status = CASE WHEN attempts >= @maxAttempts THEN 'failed' ELSE 'running' END,
                last_error = CASE WHEN attempts >= @maxAttempts THEN coalesce(last_error, '') || ' (已达最大重试次数)' ELSE last_error END,
                attempts = attempts + 1, started_at = coalesce(started_at, @now), updated_at = @now,
                expected = greatest(expected, gathered + @expected)
            WHERE id = @id AND (status = 'running' OR (status = 'queued' AND NOT EXISTS (SELECT FROM payout_pause WHERE paused)))
            RETURNING {BatchRow.Columns}
            """, new { id, expected, maxAttempts, now });

    /// <summary>Locks the batch for a chunk or for its completion; null when it is not running any more.</summary>
    public static Task<string?> LockRunningAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id) =>
        conn.QuerySingleOrDefaultAsync<string?>(
            "SELECT status FROM payout_batches WHERE id = @id AND status = 'running' FOR UPDATE", new { id }, tx);

    /// <summary>Locks the batch whatever its status (a results import).</summary>
    public static Task<BatchRow?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id) =>
        conn.QuerySingleOrDefaultAsync<BatchRow>($"SELECT {BatchRow.Columns} FROM payout_batches WHERE id = @id FOR UPDATE", new { id }, tx);

    /// <summary>The running totals a chunk adds; completion replaces them with the sums over the payments.</summary>
    public static Task AddGatheredAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, int count, decimal amount, DateTime now) =>
        conn.ExecuteAsync("""
            UPDATE payout_batches SET gathered = gathered + @count, claim_count = claim_count + @count,
                total_amount = total_amount + @amount, updated_at = @now
            WHERE id = @id
            """, new { id, count, amount, now }, tx);

    public static Task<(int Count, decimal Total)> TotalsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid batchId) =>
        conn.QuerySingleAsync<(int, decimal)>(
            "SELECT count(*)::int, coalesce(sum(amount), 0) FROM payments WHERE batch_id = @batchId", new { batchId }, tx);

    public static Task CompleteAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, int count, decimal total, byte[] file, string sha256, DateTime now) =>
        conn.ExecuteAsync("""
            UPDATE payout_batches SET status = 'completed', claim_count = @count, pending_count = @count, total_amount = @total, file_csv = @file,
                file_sha256 = @sha256, completed_at = @now, updated_at = @now, last_error = NULL
            WHERE id = @id
            """, new { id, count, total, file, sha256, now }, tx);

    /// <summary>A run ended in an error: kept for finance to see; the batch fails when no run is left.</summary>
    public async Task RecordErrorAsync(Guid id, string error, bool giveUp, DateTime now)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            UPDATE payout_batches SET last_error = @error, updated_at = @now,
                status = CASE WHEN @giveUp AND status IN ('queued', 'running') THEN 'failed' ELSE status END
            WHERE id = @id
            """, new { id, error = error.Length > 2000 ? error[..2000] : error, giveUp, now });
    }

    public async Task<byte[]?> FileAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<byte[]?>("SELECT file_csv FROM payout_batches WHERE id = @id", new { id });
    }

    public async Task<IReadOnlyList<PaymentRow>> PaymentsAsync(Guid batchId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await PaymentStatements.PaymentsOf(conn, batchId).ToListAsync();
    }

    /// <summary>One page of the batch's payments in reference order (the file's), by the payments_batch index.</summary>
    public async Task<IReadOnlyList<PaymentRow>> PaymentsPageAsync(Guid batchId, int page, int pageSize)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<PaymentRow>(
            $"SELECT {PaymentRow.Columns} FROM payments WHERE batch_id = @batchId ORDER BY reference OFFSET @offset LIMIT @pageSize",
            new { batchId, offset = (page - 1) * pageSize, pageSize })).ToList();
    }

    public async Task<BatchSettlement> SettlementAsync(Guid batchId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleAsync<BatchSettlement>("""
            SELECT count(*) FILTER (WHERE state = 'paid')::int AS paidcount, coalesce(sum(amount) FILTER (WHERE state = 'paid'), 0) AS paidamount,
                   count(*) FILTER (WHERE state = 'failed')::int AS failedcount, coalesce(sum(amount) FILTER (WHERE state = 'failed'), 0) AS failedamount,
                   count(*) FILTER (WHERE state = 'pending')::int AS pendingcount, coalesce(sum(amount) FILTER (WHERE state = 'pending'), 0) AS pendingamount
            FROM payments WHERE batch_id = @batchId
            """, new { batchId });
    }

    /// <summary>Counts again what the bank has still to answer, after a results import settled some payments.</summary>
    public static Task RecountPendingAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid batchId) =>
        conn.ExecuteAsync("""
            UPDATE payout_batches SET pending_count = (SELECT count(*) FROM payments WHERE batch_id = @batchId AND state = 'pending')
            WHERE id = @batchId
            """, new { batchId }, tx);

    public static Task RecordImportAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid batchId, string sha256, int lines,
        int paid, int failed, int unchanged, Guid? by, DateTime now) =>
        conn.ExecuteAsync("""
            INSERT INTO bank_result_imports (id, batch_id, sha256, line_count, paid, failed, unchanged, imported_by, imported_at)
            VALUES (gen_random_uuid(), @batchId, @sha256, @lines, @paid, @failed, @unchanged, @by, @now)
            """, new { batchId, sha256, lines, paid, failed, unchanged, by, now }, tx);
}
