using Dapper;
using Npgsql;
using SubsidyService.Operations.Retention;

namespace SubsidyService.Claims.Documents;

/// <summary>
/// The evidence of claims that ended in one status long enough ago loses its bytes: a withdrawn claim's after
/// <c>Retention:WithdrawnClaimEvidenceDays</c> (default 180), a paid claim's, an accounting record, after
/// <c>Retention:AccountingRecordYears</c> (default 30). The document's row stays with its name, size and SHA-256, so
/// the claim's history still says what was submitted; reading it answers 410.
/// </summary>
public sealed class EvidencePurge(NpgsqlDataSource db, string kind, string status, Func<DateTimeOffset, DateTimeOffset> cutoff) : IRetentionPurge
{
    private const int BatchSize = 500;

    public string Kind => kind;

    public static EvidencePurge Withdrawn(NpgsqlDataSource db, IConfiguration config) =>
        new(db, "withdrawn_claim_evidence", "withdrawn", now => now.AddDays(-config.GetValue("Retention:WithdrawnClaimEvidenceDays", 180)));

    public static EvidencePurge Paid(NpgsqlDataSource db, IConfiguration config) =>
        new(db, "paid_claim_evidence", "paid", now => now.AddYears(-config.GetValue("Retention:AccountingRecordYears", 30)));

    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var before = cutoff(now);
        var total = 0;
        await using var conn = await db.OpenConnectionAsync(ct);
        // Small batches, each its own statement: no long lock on documents an applicant or a verifier may be reading.
        while (true)
        {
            var removed = await conn.ExecuteAsync(new CommandDefinition("""
                WITH batch AS (
                    SELECT d.id FROM claims c JOIN claim_documents d ON d.claim_id = c.id
                    WHERE c.status = @status AND c.updated_at < @before AND d.removed_at IS NULL AND d.purged_at IS NULL
                    LIMIT @BatchSize
                    FOR UPDATE OF d SKIP LOCKED)
                UPDATE claim_documents d SET content = ''::bytea, purged_at = @now
                FROM batch WHERE d.id = batch.id
                """, new { status, before, now, BatchSize }, cancellationToken: ct));
            total += removed;
            if (removed < BatchSize) return total;
        }
    }
}
