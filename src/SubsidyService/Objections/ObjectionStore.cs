using Dapper;
using Npgsql;

namespace SubsidyService.Objections;

/// <summary>The SQL of objections; writes take the caller's transaction so the objection and its event commit together.</summary>
public sealed class ObjectionStore(NpgsqlDataSource db)
{
    private const string Select = """
        SELECT o.id, o.claim_id AS claimid, o.applicant_name AS applicantname, o.case_number AS casenumber,
               o.objector, o.contact, o.content, o.received_at AS receivedat, o.recorded_by AS recordedby,
               o.recorded_by_name AS recordedbyname, o.outcome, o.reply, o.handled_by AS handledby,
               o.handled_by_name AS handledbyname, o.handled_at AS handledat
        FROM objections o
        """;

    /// <summary>The newest first; with a claim, only its objections; with an outcome (<c>open</c> for unhandled), only those.</summary>
    public async Task<IReadOnlyList<ObjectionRow>> ListAsync(Guid? claimId, string? outcome, int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<ObjectionRow>($"""
            {Select}
            WHERE (@claimId::uuid IS NULL OR o.claim_id = @claimId)
              AND (@outcome::text IS NULL OR (@outcome = 'open' AND o.outcome IS NULL) OR o.outcome = @outcome)
            ORDER BY o.received_at DESC, o.id LIMIT @limit
            """, new { claimId, outcome, limit })).AsList();
    }

    public async Task<ObjectionRow?> FindAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<ObjectionRow>($"{Select} WHERE o.id = @id", new { id });
    }

    public static Task<ObjectionRow?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id) =>
        conn.QuerySingleOrDefaultAsync<ObjectionRow>($"{Select} WHERE o.id = @id FOR UPDATE", new { id }, tx);

    public static Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ObjectionRow o) =>
        conn.ExecuteAsync("""
            INSERT INTO objections (id, claim_id, applicant_name, case_number, objector, contact, content, received_at, recorded_by, recorded_by_name)
            VALUES (@Id, @ClaimId, @ApplicantName, @CaseNumber, @Objector, @Contact, @Content, @ReceivedAt, @RecordedBy, @RecordedByName)
            """, o, tx);

    public static Task HandleAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, string outcome, string? reply, Guid by, string byName, DateTime now) =>
        conn.ExecuteAsync("""
            UPDATE objections SET outcome = @outcome, reply = @reply, handled_by = @by, handled_by_name = @byName, handled_at = @now
            WHERE id = @id AND outcome IS NULL
            """, new { id, outcome, reply, by, byName, now }, tx);

    /// <summary>The claim's objections nobody has handled yet (served by <c>objections_open</c>).</summary>
    public static Task<int> OpenCountAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid claimId) =>
        conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM objections WHERE claim_id = @claimId AND outcome IS NULL", new { claimId }, tx);
}
