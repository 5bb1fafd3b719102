using Dapper;
using Npgsql;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Screening;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>The SQL of claims, invoices and flags; every write takes the caller's transaction.</summary>
public static class ClaimStore
{
    /// <summary>
    /// Claims in the given statuses holding any of the case numbers, one row per claim and number, locked for the
    /// caller's transaction: what a register import screens again.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string Status, string CanonicalCaseNumber)>> LockClaimsForCasesAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string[] cases, string[] statuses) =>
        (await conn.QueryAsync<(Guid Id, string Status, string CanonicalCaseNumber)>(ScreeningQueries.ClaimsForRegisterCases,
            new { cases, statuses }, tx)).ToList();

    public static Task<ClaimRow?> FindAsync(NpgsqlConnection conn, Guid id, NpgsqlTransaction? tx = null, bool forUpdate = false) =>
        conn.QuerySingleOrDefaultAsync<ClaimRow>(
            $"SELECT {ClaimRow.Columns} FROM claims WHERE id = @id{(forUpdate ? " FOR UPDATE" : "")}", new { id }, tx);

    /// <summary>The claim's row, locked for the batch's transaction: put it first, so that what follows reads under the lock.</summary>
    public static SqlBatch.Pending<ClaimRow?> Lock(SqlBatch batch, Guid id) =>
        batch.Read($"SELECT {ClaimRow.Columns} FROM claims WHERE id = @id FOR UPDATE", new { id }, grid => grid.ReadSingleOrDefaultAsync<ClaimRow?>());

    public static SqlBatch.Pending<List<FlagRow>> Flags(SqlBatch batch, Guid id) =>
        batch.Read(FlagsSql, new { id }, async grid => (await grid.ReadAsync<FlagRow>()).ToList());

    private const string FlagsSql = "SELECT * FROM screening_flags WHERE claim_id = @id ORDER BY raised_at, code";

    public static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, Guid applicantId,
        ClaimFacts facts, string factsJson, string bankJson, string policyVersion, Evaluation evaluation, DateTime now)
    {
        var batch = new SqlBatch();
        Insert(batch, id, applicantId, facts, factsJson, bankJson, policyVersion, evaluation, now);
        await batch.RunAsync(conn, tx);
    }

    /// <summary>A new draft with its invoices and case numbers, in the caller's batch.</summary>
    public static void Insert(SqlBatch batch, Guid id, Guid applicantId,
        ClaimFacts facts, string factsJson, string bankJson, string policyVersion, Evaluation evaluation, DateTime now)
    {
        batch.Execute("""
            INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                case_number, canonical_case_number, policy_version, amount, tier, created_at, updated_at)
            VALUES (@id, @applicantId, 'draft', 1, @factsJson::jsonb, @bankJson::jsonb, @type, @Name, @IdNumber,
                    @CaseNumber, @canonical, @policyVersion, @amount, @tier, @now, @now)
            """, new
        {
            id, applicantId, factsJson, bankJson, type = EnumCodes.ToCode(facts.ApplicantType), facts.Name, facts.IdNumber,
            facts.CaseNumber, canonical = facts.CanonicalCaseNumbers[0], policyVersion, amount = evaluation.Amount,
            tier = TierCode(evaluation), now,
        });
        ReplaceNumbers(batch, id, facts);
    }

    public static async Task UpdateFactsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id,
        ClaimFacts facts, string factsJson, string bankJson, string policyVersion, Evaluation evaluation, DateTime now)
    {
        await conn.ExecuteAsync("""
            UPDATE claims SET facts = @factsJson::jsonb, bank_account = @bankJson::jsonb, applicant_type = @type,
                applicant_name = @Name, id_number = @IdNumber, case_number = @CaseNumber, canonical_case_number = @canonical,
                policy_version = @policyVersion, amount = @amount, tier = @tier, version = version + 1, updated_at = @now
            WHERE id = @id
            """, new
        {
            id, factsJson, bankJson, type = EnumCodes.ToCode(facts.ApplicantType), facts.Name, facts.IdNumber,
            facts.CaseNumber, canonical = facts.CanonicalCaseNumbers[0], policyVersion, amount = evaluation.Amount,
            tier = TierCode(evaluation), now,
        }, tx);
        await ReplaceNumbersAsync(conn, tx, id, facts);
    }

    /// <summary>
    /// The tier as the evaluation found it, kept on the row so that lists filter on a column rather than on a
    /// copy of the tier rule in SQL; written wherever the amount is.
    /// </summary>
    public static string? TierCode(Evaluation evaluation) => evaluation.Tier is { } t ? EnumCodes.ToCode(t) : null;

    /// <summary>The invoices and case numbers screening looks claims up by, in one round trip whatever their count.</summary>
    private static async Task ReplaceNumbersAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, ClaimFacts facts)
    {
        var batch = new SqlBatch();
        ReplaceNumbers(batch, id, facts);
        await batch.RunAsync(conn, tx);
    }

    private static void ReplaceNumbers(SqlBatch batch, Guid id, ClaimFacts facts) =>
        batch.Execute("""
            DELETE FROM claim_invoices WHERE claim_id = @id;
            DELETE FROM claim_case_numbers WHERE claim_id = @id;
            INSERT INTO claim_invoices (claim_id, position, number_digits, code, invoice_key, amount)
            SELECT @id, i.position - 1, i.number, i.code, i.key, i.amount
            FROM unnest(@numbers::text[], @codes::text[], @keys::text[], @amounts::numeric[]) WITH ORDINALITY AS i(number, code, key, amount, position);
            INSERT INTO claim_case_numbers (claim_id, canonical, is_primary)
            SELECT @id, n.canonical, n.position = 1 FROM unnest(@cases::text[]) WITH ORDINALITY AS n(canonical, position)
            """, new
        {
            id,
            numbers = facts.Invoices.Select(i => InvoiceNumber.Digits(i.Number)).ToArray(),
            codes = facts.Invoices.Select(i => i.Code).ToArray(),
            keys = facts.Invoices.Select(i => i.Identity).ToArray(),
            amounts = facts.Invoices.Select(i => i.Amount).ToArray(),
            cases = facts.CanonicalCaseNumbers.ToArray(),
        });

    /// <summary>The status change every transition makes, with the version bump that makes stale writers fail.</summary>
    public static Task SetStatusAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, ClaimStatus to, DateTime now) =>
        conn.ExecuteAsync("UPDATE claims SET status = @status, version = version + 1, updated_at = @now WHERE id = @id",
            new { id, status = EnumCodes.ToCode(to), now }, tx);

    public static Task BumpVersionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, DateTime now) =>
        conn.ExecuteAsync("UPDATE claims SET version = version + 1, updated_at = @now WHERE id = @id", new { id, now }, tx);

    /// <summary>
    /// The status change with its version bump, in the transition's last batch; a submission's first time is kept
    /// with it (<paramref name="marksSubmitted"/>), in the same UPDATE.
    /// </summary>
    public static void SetStatus(SqlBatch batch, Guid id, ClaimStatus to, DateTime now, bool marksSubmitted) =>
        batch.Execute("""
            UPDATE claims SET status = @status, version = version + 1, updated_at = @now,
                              submitted_at = CASE WHEN @marksSubmitted THEN coalesce(submitted_at, @now) ELSE submitted_at END
            WHERE id = @id
            """, new { id, status = EnumCodes.ToCode(to), now, marksSubmitted });

    /// <summary><see cref="RaiseFlagAsync"/> in the caller's batch (whether the flag is new is not asked).</summary>
    public static void RaiseFlag(SqlBatch batch, Guid claimId, string code, string detail, Guid? matchedClaimId, Guid? matchedRegisterRowId,
        DateTime now, int n) =>
        batch.Execute($"""
            INSERT INTO screening_flags (id, claim_id, code, detail, matched_claim_id, matched_register_row_id, raised_at)
            VALUES (@flag{n}Id, @flag{n}ClaimId, @flag{n}Code, @flag{n}Detail, @flag{n}MatchedClaimId, @flag{n}MatchedRegisterRowId, @flag{n}Now)
            ON CONFLICT DO NOTHING
            """, new Dictionary<string, object?>
        {
            [$"flag{n}Id"] = Guid.NewGuid(), [$"flag{n}ClaimId"] = claimId, [$"flag{n}Code"] = code, [$"flag{n}Detail"] = detail,
            [$"flag{n}MatchedClaimId"] = matchedClaimId, [$"flag{n}MatchedRegisterRowId"] = matchedRegisterRowId, [$"flag{n}Now"] = now,
        });

    /// <returns>Whether the flag is new (the same match is flagged once).</returns>
    public static async Task<bool> RaiseFlagAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid claimId, string code, string detail,
        Guid? matchedClaimId, Guid? matchedRegisterRowId, DateTime now) =>
        await conn.ExecuteAsync("""
            INSERT INTO screening_flags (id, claim_id, code, detail, matched_claim_id, matched_register_row_id, raised_at)
            VALUES (@id, @claimId, @code, @detail, @matchedClaimId, @matchedRegisterRowId, @now)
            ON CONFLICT DO NOTHING
            """, new { id = Guid.NewGuid(), claimId, code, detail, matchedClaimId, matchedRegisterRowId, now }, tx) == 1;

    /// <summary>What approval records on the claim, in the caller's batch: who, when, and the notice's last day (null: no notice).</summary>
    public static void SetApproval(SqlBatch batch, Guid id, Guid approvedBy, DateTime approvedAt, DateOnly? noticeEndsOn) =>
        batch.Execute("""
            UPDATE claims SET approved_by = @approvedBy, approved_at = @approvedAt, notice_ends_on = @noticeEndsOn::date WHERE id = @id
            """, new { id, approvedBy, approvedAt, noticeEndsOn = noticeEndsOn?.ToDateTime(TimeOnly.MinValue) });

    /// <summary><see cref="SetLetterAsync"/> in the caller's batch.</summary>
    public static void SetLetter(SqlBatch batch, Guid id, string? number, string? sha256) =>
        batch.Execute("UPDATE claims SET letter_number = @claimLetterNumber, letter_sha256 = @claimLetterSha256 WHERE id = @id",
            new { id, claimLetterNumber = number, claimLetterSha256 = sha256 });

    /// <summary>The approval no longer stands (objection, send-back): its notice ends with it.</summary>
    public static Task ClearApprovalAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id) =>
        conn.ExecuteAsync("UPDATE claims SET approved_by = NULL, approved_at = NULL, notice_ends_on = NULL WHERE id = @id", new { id }, tx);

    /// <summary>The claim's current letter as its view shows it; null clears it.</summary>
    public static Task SetLetterAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, string? number, string? sha256) =>
        conn.ExecuteAsync("UPDATE claims SET letter_number = @number, letter_sha256 = @sha256 WHERE id = @id", new { id, number, sha256 }, tx);
}

/// <summary>A claim as the public notice lists it.</summary>
public sealed record NoticeEntry(Guid Id, string ApplicantType, string ApplicantName, string CaseNumber, decimal Amount,
    DateTime? ApprovedAt, DateOnly? NoticeEndsOn)
{
    /// <summary>The name as published: a natural person's masked to the surname (张*), an enterprise's or institution's in full.</summary>
    public string PublicName => ApplicantType == "natural_person" ? Domain.Identity.Masking.PersonName(ApplicantName) : ApplicantName;
}
