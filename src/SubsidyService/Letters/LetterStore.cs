using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Letters;

/// <summary>A stored letter without its bytes.</summary>
public sealed record LetterRecord(Guid Id, Guid ClaimId, string Kind, string Number, string ApplicantName, decimal Amount, DateTime IssuedAt,
    string Sha256, DateTime? RevokedAt, string? RevokedReason);

/// <summary>The SQL of letters and their numbering.</summary>
public static class LetterStore
{
    private const string Columns = """
        id, claim_id AS claimid, kind, number, applicant_name AS applicantname, amount, issued_at AS issuedat, sha256, revoked_at AS revokedat, revoked_reason AS revokedreason
        """;

    /// <summary>
    /// The next number of the year. The sequence row stays locked until the issuing transaction ends, so a
    /// rolled-back approval gives its number back and the numbers have no gap.
    /// </summary>
    public static Task<int> NextSequenceAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int year) =>
        conn.ExecuteScalarAsync<int>(NextSequenceSql, new { letterYear = year }, tx);

    /// <summary>
    /// <see cref="NextSequenceAsync"/> in the caller's batch: the year's row stays locked until the transaction ends, and a
    /// transaction rolled back gives its number back, so the sequence has no gaps.
    /// </summary>
    public static SqlBatch.Pending<int> NextSequence(SqlBatch batch, int year) =>
        batch.Read(NextSequenceSql, new { letterYear = year }, grid => grid.ReadSingleAsync<int>());

    private const string NextSequenceSql = """
        INSERT INTO letter_sequences (year, last_seq) VALUES (@letterYear, 1)
        ON CONFLICT (year) DO UPDATE SET last_seq = letter_sequences.last_seq + 1
        RETURNING last_seq
        """;

    public static void Insert(SqlBatch batch, Guid id, Guid claimId, string kind, int year, int seq,
        string number, string applicantName, decimal amount, DateTime issuedAt, Guid? issuedBy, byte[] pdf, string sha256) =>
        batch.Execute("""
            INSERT INTO letters (id, claim_id, kind, year, seq, number, applicant_name, amount, issued_at, issued_by, pdf, sha256)
            VALUES (@letterId, @letterClaimId, @letterKind, @letterYear, @letterSeq, @letterNumber, @letterApplicantName, @letterAmount,
                    @letterIssuedAt, @letterIssuedBy, @letterPdf, @letterSha256)
            """, new
        {
            letterId = id, letterClaimId = claimId, letterKind = kind, letterYear = year, letterSeq = seq, letterNumber = number,
            letterApplicantName = applicantName, letterAmount = amount, letterIssuedAt = issuedAt, letterIssuedBy = issuedBy,
            letterPdf = pdf, letterSha256 = sha256,
        });

    /// <summary>Revokes the claim's letters still in force; returns their numbers.</summary>
    public static async Task<IReadOnlyList<string>> RevokeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid claimId, string reason, DateTime now) =>
        (await conn.QueryAsync<string>("""
            UPDATE letters SET revoked_at = @now, revoked_reason = @reason
            WHERE claim_id = @claimId AND revoked_at IS NULL AND kind = 'approval'
            RETURNING number
            """, new { claimId, reason, now }, tx)).ToList();

    public static Task<LetterRecord?> FindAsync(NpgsqlConnection conn, string number) =>
        conn.QuerySingleOrDefaultAsync<LetterRecord>($"SELECT {Columns} FROM letters WHERE number = @number", new { number });

    /// <summary>The claim's latest approval letter or rejection notice in force, with its bytes (recovery notices are listed apart).</summary>
    public static async Task<(LetterRecord Letter, byte[] Pdf)?> CurrentAsync(NpgsqlConnection conn, Guid claimId)
    {
        var row = await conn.QuerySingleOrDefaultAsync<(Guid Id, byte[] Pdf)>("""
            SELECT id, pdf FROM letters WHERE claim_id = @claimId AND revoked_at IS NULL AND kind IN ('approval', 'rejection')
            ORDER BY issued_at DESC, seq DESC LIMIT 1
            """, new { claimId });
        if (row.Id == Guid.Empty) return null;
        var letter = await conn.QuerySingleAsync<LetterRecord>($"SELECT {Columns} FROM letters WHERE id = @Id", new { row.Id });
        return (letter, row.Pdf);
    }

    /// <summary>Every letter of a claim, revoked ones too, oldest first (uses letters_claim).</summary>
    public static async Task<IReadOnlyList<LetterRecord>> ForClaimAsync(NpgsqlConnection conn, Guid claimId) =>
        (await conn.QueryAsync<LetterRecord>($"SELECT {Columns} FROM letters WHERE claim_id = @claimId ORDER BY issued_at, seq",
            new { claimId })).ToList();

    public static IAsyncEnumerable<LetterRecord> IssuedBetweenAsync(NpgsqlConnection conn, DateTime? from, DateTime? to) =>
        conn.QueryUnbufferedAsync<LetterRecord>($"""
            SELECT {Columns} FROM letters
            WHERE (@from::timestamptz IS NULL OR issued_at >= @from) AND (@to::timestamptz IS NULL OR issued_at < @to)
            ORDER BY year, seq
            """, new { from, to });

    public static Task<byte[]> PdfAsync(NpgsqlConnection conn, Guid id) =>
        conn.ExecuteScalarAsync<byte[]>("SELECT pdf FROM letters WHERE id = @id", new { id })!;
}
