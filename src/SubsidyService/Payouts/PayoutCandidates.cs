using Dapper;
using Npgsql;
using SubsidyService.Claims;

namespace SubsidyService.Payouts;

/// <summary>
/// Which claims a payout batch takes, read from the claims it pays: the ready ones, locked by the batch's
/// transaction. Reads of <c>claims</c> only, and no write: a claim moves by <see cref="BulkTransitions"/>.
/// </summary>
public static class PayoutCandidates
{
    /// <summary>
    /// Locks up to <paramref name="limit"/> claims in ready_for_payout, skipping those another transaction holds
    /// (a concurrent batch takes them) and those this run has already been refused.
    /// </summary>
    /// <param name="only">The claims a confirmed batch may take; null: any ready claim.</param>
    public static async Task<IReadOnlyList<BulkCandidate>> LockReadyAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        int limit, IReadOnlyCollection<Guid> refused, Guid[]? only = null) =>
        (await conn.QueryAsync<BulkCandidate>("""
            SELECT c.id, c.status, c.applicant_id AS applicantid, c.verified_by AS verifiedby,
                   (SELECT count(*)::int FROM screening_flags f WHERE f.claim_id = c.id AND f.resolution IS NULL) AS unresolvedflags
            FROM claims c
            WHERE c.status = 'ready_for_payout' AND NOT (c.id = ANY(@refused)) AND (@only::uuid[] IS NULL OR c.id = ANY(@only))
            ORDER BY c.id
            LIMIT @limit
            FOR UPDATE OF c SKIP LOCKED
            """, new { limit, refused = refused.ToArray(), only }, tx)).ToList();

    /// <summary>How many claims wait in ready_for_payout (for a batch's progress), of <paramref name="only"/> when given.</summary>
    public static Task<int> CountReadyAsync(NpgsqlConnection conn, Guid[]? only = null) =>
        conn.ExecuteScalarAsync<int>(
            "SELECT count(*)::int FROM claims WHERE status = 'ready_for_payout' AND (@only::uuid[] IS NULL OR id = ANY(@only))", new { only });

    /// <summary>
    /// The ready claims with no open flag, as a batch started now would take them, with each one's version: what
    /// the confirmation page shows and fingerprints.
    /// </summary>
    public static async Task<IReadOnlyList<PayableClaim>> PayableAsync(NpgsqlConnection conn) =>
        (await conn.QueryAsync<PayableClaim>("""
            SELECT c.id, c.version, c.amount FROM claims c WHERE c.status = 'ready_for_payout'
            AND NOT EXISTS (SELECT 1 FROM screening_flags f WHERE f.claim_id = c.id AND f.resolution IS NULL)
            ORDER BY c.id
            """)).ToList();

    /// <summary>
    /// Ready claims with no open screening flag: whether a scheduled batch would find work. Only a hint for
    /// the schedule; the machine's guard still decides each claim.
    /// </summary>
    public static Task<int> CountPayableAsync(NpgsqlConnection conn) =>
        conn.ExecuteScalarAsync<int>("""
            SELECT count(*)::int FROM claims c WHERE c.status = 'ready_for_payout'
            AND NOT EXISTS (SELECT 1 FROM screening_flags f WHERE f.claim_id = c.id AND f.resolution IS NULL)
            """);
}
