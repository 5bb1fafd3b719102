using Dapper;
using Npgsql;
using SubsidyService.Domain.Screening;
using SubsidyService.Operations;

namespace SubsidyService.Recoveries;

/// <summary>A recovery as stored.</summary>
public sealed class RecoveryRow
{
    public Guid Id { get; init; }
    public Guid ClaimId { get; init; }
    public Guid? RegisterRowId { get; init; }
    public string ApplicantName { get; init; } = "";
    public string CaseNumber { get; init; } = "";
    public decimal Amount { get; init; }
    public string Reason { get; init; } = "";
    public string? RegisterRow { get; init; }
    public string Grounds { get; init; } = "";
    public Guid? OpenedBy { get; init; }
    public Guid? DecidedBy { get; init; }
    public DateTime? DecidedAt { get; init; }
    public string? DecisionReason { get; init; }
    public DateTime OpenedAt { get; init; }
    public string State { get; init; } = "";
    public Guid? SettledBy { get; init; }
    public DateTime? SettledAt { get; init; }
    public string? Method { get; init; }
    public decimal? SettledAmount { get; init; }
    public string? SettlementRef { get; init; }
    public string? Note { get; init; }

    public const string Columns = """
        id, claim_id AS claimid, register_row_id AS registerrowid, applicant_name AS applicantname, case_number AS casenumber,
        amount, reason, register_row::text AS registerrow, opened_at AS openedat, state, settled_by AS settledby,
        settled_at AS settledat, method, settled_amount AS settledamount, settlement_ref AS settlementref, note,
        grounds, opened_by AS openedby, decided_by AS decidedby, decided_at AS decidedat, decision_reason AS decisionreason
        """;
}

/// <summary>The SQL of recoveries; writes take the caller's transaction (a claim transition's).</summary>
public sealed class RecoveryStore(NpgsqlDataSource db)
{
    /// <summary>A register row matched a paid claim: a recovery proposed, owed by nobody until a person confirms it.</summary>
    /// <returns>The new proposal's id; null when this register row already proposed one for the claim.</returns>
    public static Task<Guid?> ProposeAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid claimId, Guid registerRowId, string applicantName,
        string caseNumber, decimal amount, string reason, string registerRowJson, DateTime now) =>
        conn.QuerySingleOrDefaultAsync<Guid?>("""
            INSERT INTO recoveries (id, claim_id, register_row_id, applicant_name, case_number, canonical_case_number, amount, reason,
                                    register_row, opened_at, state, grounds)
            VALUES (gen_random_uuid(), @claimId, @registerRowId, @applicantName, @caseNumber, @canonical, @amount, @reason,
                    @registerRowJson::jsonb, @now, 'proposed', 'duplicate_funding')
            ON CONFLICT (claim_id, register_row_id) DO NOTHING
            RETURNING id
            """, new { claimId, registerRowId, applicantName, caseNumber, canonical = CaseNumber.Canonical(caseNumber), amount, reason, registerRowJson, now }, tx);

    /// <summary>A recovery a person opens directly, on the grounds they name.</summary>
    public static Task OpenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, Guid claimId, string applicantName, string caseNumber,
        decimal amount, string grounds, string reason, Guid openedBy, DateTime now) =>
        conn.ExecuteAsync("""
            INSERT INTO recoveries (id, claim_id, applicant_name, case_number, canonical_case_number, amount, reason, opened_at, state, grounds,
                                    opened_by, decided_by, decided_at, decision_reason)
            VALUES (@id, @claimId, @applicantName, @caseNumber, @canonical, @amount, @reason, @now, 'open', @grounds,
                    @openedBy, @openedBy, @now, @reason)
            """, new { id, claimId, applicantName, caseNumber, canonical = CaseNumber.Canonical(caseNumber), amount, grounds, reason, openedBy, now }, tx);

    /// <summary>A proposal decided: confirmed (now owed) or dismissed, by whom and why.</summary>
    public static Task<int> DecideAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, bool confirmed, Guid by, string reason, DateTime now) =>
        conn.ExecuteAsync("""
            UPDATE recoveries SET state = @state, decided_by = @by, decided_at = @now, decision_reason = @reason
            WHERE id = @id AND state = 'proposed'
            """, new { id, state = confirmed ? "open" : "dismissed", by, reason, now }, tx);

    public static Task<RecoveryRow?> FindAsync(NpgsqlConnection conn, Guid id) =>
        conn.QuerySingleOrDefaultAsync<RecoveryRow>($"SELECT {RecoveryRow.Columns} FROM recoveries WHERE id = @id", new { id });

    public static Task<RecoveryRow?> LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id) =>
        conn.QuerySingleOrDefaultAsync<RecoveryRow>($"SELECT {RecoveryRow.Columns} FROM recoveries WHERE id = @id FOR UPDATE", new { id }, tx);

    public static Task SettleAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, Guid by, string method, decimal amount,
        string? reference, string note, DateTime now) =>
        conn.ExecuteAsync("""
            UPDATE recoveries SET state = 'settled', settled_by = @by, settled_at = @now, method = @method, settled_amount = @amount,
                settlement_ref = @reference, note = @note
            WHERE id = @id AND state = 'open'
            """, new { id, by, method, amount, reference, note, now }, tx);

    public async Task<RecoveryRow?> FindAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<RecoveryRow>($"SELECT {RecoveryRow.Columns} FROM recoveries WHERE id = @id", new { id });
    }

    /// <summary>Open ones first, then the latest settled.</summary>
    public async Task<IReadOnlyList<RecoveryRow>> ListAsync(string? state, int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<RecoveryRow>($"""
            SELECT {RecoveryRow.Columns} FROM recoveries WHERE (@state::text IS NULL OR state = @state)
            ORDER BY state NOT IN ('proposed', 'open'), opened_at DESC LIMIT @limit
            """, new { state, limit })).ToList();
    }

    /// <summary>
    /// A page of the recoveries the filter keeps, newest first unless a sort is given: recoveries_open serves one
    /// state's list in that order, recoveries_opened the list of both. The text is looked for row by row.
    /// </summary>
    public async Task<ListPage<RecoveryRow>> PageAsync(RecoveryFilter filter, ListSort? sort, int page, int pageSize)
    {
        var (where, args) = Where(filter);
        await using var conn = await db.OpenConnectionAsync();
        return await ListPage.ReadAsync<RecoveryRow>(conn, RecoveryRow.Columns, "recoveries r", where, args, OrderOf(sort), page, pageSize);
    }

    /// <summary>Every recovery the filter keeps, in the list's order, read as it is written out.</summary>
    public IAsyncEnumerable<RecoveryRow> ExportAsync(RecoveryFilter filter, ListSort? sort, CancellationToken cancel = default)
    {
        var (where, args) = Where(filter);
        return ListPage.StreamAsync<RecoveryRow>(db, RecoveryRow.Columns, "recoveries r", where, args, OrderOf(sort), cancel);
    }

    /// <summary>How many recoveries are open and how many settled (a state with none is left out).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<(string State, long Count)>("SELECT state, count(*) FROM recoveries GROUP BY state"))
            .ToDictionary(r => r.State, r => r.Count);
    }

    private static string OrderOf(ListSort? sort) => sort?.OrderBy ?? "r.opened_at DESC, r.id DESC";

    private static (string Where, DynamicParameters Args) Where(RecoveryFilter filter) => ($"""
        WHERE (@state::text IS NULL OR r.state = @state)
          AND (@q::text IS NULL OR r.applicant_name ILIKE '%' || @q || '%' OR r.canonical_case_number LIKE '%' || @caseQ || '%')
        """, new DynamicParameters(new
    {
        state = filter.State,
        q = filter.Text is { } t ? Like.Escape(t) : null,
        caseQ = filter.CanonicalText is { } c ? Like.Escape(c) : null,
    }));
}
