using SubsidyService.Domain.Identity;
using System.Security.Cryptography;
using Dapper;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Recoveries;
using SubsidyService.Data;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Registers;

public sealed record ImportResult(Guid ImportId, int Imported, int AlreadyKnown, int MatchedClaims, IReadOnlyList<Guid> MatchedClaimIds,
    int RecoveriesProposed = 0);

/// <summary>
/// Imports an other-level funding register whole or not at all, then screens the live claims again:
/// a claim whose case appears gets an external_funding_match flag, and a verified or approved one goes back to
/// review. A claim already paid gets a recovery proposal that a person confirms or dismisses.
/// </summary>
public sealed class RegisterImport(NpgsqlDataSource db, EventLog events, ClaimTransitions transitions, TimeProvider clock)
{
    // Every claim from submission on: a draft is screened when it is submitted (POLICY.md: a draft blocks nobody),
    // and a claim in a payout batch or whose payment failed is flagged too (a failed one cannot then be retried).
    private static readonly string[] RescreenedStatuses =
        ["submitted", "under_review", "supplement_requested", "verified", "in_public_notice", "ready_for_payout", "in_payout", "payout_failed"];

    /// <summary>Rows already on file for the imported cases, found by the case-number index.</summary>
    internal const string KnownRows = """
        SELECT source, level, recipient_name, canonical_case_number, amount, awarded_on FROM funding_register_rows
        WHERE canonical_case_number = ANY(@cases)
        """;

    public async Task<Outcome<ImportResult>> ImportAsync(Actor actor, string fileName, byte[] content)
    {
        if (actor.Role != Role.Verifier) return Refusal.Forbidden("只有审核员可以导入外部资助名录。");
        if (!RegisterFile.Read(content).TryGet(out var read, out var readRefusal)) return readRefusal;
        if (read.Count == 0) return Refusal.Validation("file", "文件中没有数据行。");
        if (read.Count > RegisterRow.MaxRows) return Refusal.Validation("file", $"一次最多导入 {RegisterRow.MaxRows} 行。");

        var today = clock.Today();
        var rows = new List<RegisterRow>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (line, fields) in read)
        {
            var (row, problems) = RegisterRow.Check(line, fields, today);
            if (row is null) errors[$"rows[{line}]"] = [.. problems];
            else rows.Add(row);
        }
        if (errors.Count > 0)
            return new Refusal(400, "validation_failed", "名录有误，未导入任何行",
                $"{errors.Count} 行有误（以文件行号标示），请修改后重新导入整个文件。", errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var importId = Guid.NewGuid();
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // Registers are re-published with old rows repeated: a row already on file is not a new funding record.
        await AdvisoryLocks.ForTransactionAsync(conn, tx, AdvisoryLocks.RegisterImport);
        var known = (await conn.QueryAsync<(string, string, string, string, decimal, DateTime?)>(KnownRows, new { cases = rows.Select(r => r.CanonicalCaseNumber).Distinct().ToArray() }, tx))
            .Select(k => (k.Item1, k.Item2, k.Item3, k.Item4, k.Item5, k.Item6 is { } d ? DateOnly.FromDateTime(d) : (DateOnly?)null))
            .ToHashSet();
        var total = rows.Count;
        rows = rows.Where(r => known.Add((r.Source, r.Level, r.RecipientName, r.CanonicalCaseNumber, r.Amount, r.AwardedOn))).ToList();

        await conn.ExecuteAsync("""
            INSERT INTO funding_register_imports (id, file_name, sha256, row_count, imported_by, imported_at)
            VALUES (@importId, @fileName, @sha, @count, @by, @now)
            """, new { importId, fileName, sha = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(), count = rows.Count, by = actor.Id, now }, tx);
        var ids = rows.Select(_ => Guid.NewGuid()).ToList();
        await CopyRowsAsync(conn, importId, rows, ids);

        var (matched, recoveries) = await RescreenAsync(conn, tx, actor, importId, rows, ids, now);
        await events.AppendAsync(conn, tx, new NewEvent(null, actor.Id, actor.Label, "register_import", null, null,
            Data: new { importId, fileName, rows = rows.Count, alreadyKnown = total - rows.Count, matchedClaims = matched, recoveriesProposed = recoveries }));
        await tx.CommitAsync();
        return new ImportResult(importId, rows.Count, total - rows.Count, matched.Count, matched, recoveries);
    }

    /// <summary>COPY, not one INSERT per row: a national register runs to tens of thousands of lines.</summary>
    private static async Task CopyRowsAsync(NpgsqlConnection conn, Guid importId, List<RegisterRow> rows, List<Guid> ids)
    {
        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY funding_register_rows (id, import_id, line_number, source, level, recipient_name, recipient_id, case_number,
                                        canonical_case_number, amount, awarded_on, programme) FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            await copy.StartRowAsync();
            await copy.WriteAsync(ids[i], NpgsqlTypes.NpgsqlDbType.Uuid);
            await copy.WriteAsync(importId, NpgsqlTypes.NpgsqlDbType.Uuid);
            await copy.WriteAsync(r.Line, NpgsqlTypes.NpgsqlDbType.Integer);
            await copy.WriteAsync(r.Source, NpgsqlTypes.NpgsqlDbType.Text);
            await copy.WriteAsync(r.Level, NpgsqlTypes.NpgsqlDbType.Text);
            await copy.WriteAsync(r.RecipientName, NpgsqlTypes.NpgsqlDbType.Text);
            await WriteNullableAsync(copy, r.RecipientId, NpgsqlTypes.NpgsqlDbType.Text);
            await copy.WriteAsync(r.CaseNumber, NpgsqlTypes.NpgsqlDbType.Text);
            await copy.WriteAsync(r.CanonicalCaseNumber, NpgsqlTypes.NpgsqlDbType.Text);
            await copy.WriteAsync(r.Amount, NpgsqlTypes.NpgsqlDbType.Numeric);
            await WriteNullableAsync(copy, r.AwardedOn, NpgsqlTypes.NpgsqlDbType.Date);
            await WriteNullableAsync(copy, r.Programme, NpgsqlTypes.NpgsqlDbType.Text);
        }
        await copy.CompleteAsync();
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlTypes.NpgsqlDbType type)
    {
        if (value is null) await copy.WriteNullAsync();
        else await copy.WriteAsync(value, type);
    }

    private async Task<(List<Guid> Matched, int Recoveries)> RescreenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Actor actor,
        Guid importId, List<RegisterRow> rows, List<Guid> rowIds, DateTime now)
    {
        var byCase = rows.Select((r, i) => (r, id: rowIds[i])).ToLookup(x => x.r.CanonicalCaseNumber);
        // One row per claim and matching case number: a claim may match through a related instance's number.
        var claims = (await ClaimStore.LockClaimsForCasesAsync(conn, tx, byCase.Select(g => g.Key).ToArray(), RescreenedStatuses.Append("paid").ToArray()))
            .GroupBy(c => (c.Id, c.Status), c => c.CanonicalCaseNumber);
        var matched = new List<Guid>();
        var recoveries = 0;
        foreach (var claim in claims)
        {
            if (claim.Key.Status == "paid")
            {
                foreach (var (row, rowId) in claim.SelectMany(c => byCase[c]))
                    recoveries += await ProposeRecoveryAsync(conn, tx, actor, importId, claim.Key.Id, row, rowId, now) ? 1 : 0;
                continue;
            }
            var raised = false;
            foreach (var (row, rowId) in claim.SelectMany(c => byCase[c]))
            {
                var detail = $"外部资助名录（第 {row.Line} 行）：{row.Level}{row.Source}已就案件 {row.CaseNumber} " +
                             $"资助 {Invariant.Money(row.Amount)} 元，请审核人确认或排除";
                raised |= await ClaimStore.RaiseFlagAsync(conn, tx, claim.Key.Id, FlagCodes.ExternalFundingMatch, detail, null, rowId, now);
            }
            if (!raised) continue;
            matched.Add(claim.Key.Id);
            await FlagOrSendBackAsync(conn, tx, actor, claim.Key.Id, claim.Key.Status, now);
        }
        return (matched, recoveries);
    }

    /// <summary>
    /// Paid already: a recovery is proposed, never opened: a verifier or finance confirms it (same case, and the
    /// register's recipient is this applicant) or dismisses it with a reason. The claim stays paid; the proposal, with
    /// the register row, is an event in its history.
    /// </summary>
    private async Task<bool> ProposeRecoveryAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Actor actor, Guid importId, Guid claimId,
        RegisterRow row, Guid rowId, DateTime now)
    {
        var claim = (await ClaimStore.FindAsync(conn, claimId, tx))!;
        // Another person's identity (name and number) enters the append-only log only masked, the number also as a
        // fingerprint to match it by; the register's own table keeps the row as imported for the verifier.
        var registerRow = new FundingRegisterEntry(row.Line, row.Source, row.Level, Masking.PersonName(row.RecipientName),
            row.RecipientId is { } rid ? Masking.KeepEnds(rid) : null, row.CaseNumber,
            Invariant.Money(row.Amount), row.AwardedOn is { } d ? Invariant.Date(d) : null, row.Programme,
            row.RecipientId is { } id ? events.Fingerprint(id.Trim().ToUpperInvariant()) : null);
        var reason = $"已拨付后导入的外部资助名录（第 {row.Line} 行）显示{row.Level}{row.Source}已就案件 {row.CaseNumber} " +
                     $"资助 {Invariant.Money(row.Amount)} 元，请核实是否同一案件、受资助人是否即本申请人（名录行见追回建议）";
        var proposed = await RecoveryStore.ProposeAsync(conn, tx, claimId, rowId, claim.ApplicantName, claim.CaseNumber, claim.Amount, reason,
            System.Text.Json.JsonSerializer.Serialize(registerRow, EventJson.Options), now);
        if (proposed is not { } recoveryId) return false;
        await ClaimStore.BumpVersionAsync(conn, tx, claimId, now);
        await events.AppendAsync(conn, tx, new NewEvent(claimId, actor.Id, actor.Label, "recovery_proposed", claim.Status, claim.Status, reason,
            new RecoveryProposedEvent(recoveryId, rowId, importId, registerRow, Invariant.Money(claim.Amount))));
        return true;
    }

    /// <summary>
    /// A claim already verified or approved goes back to the verifiers through the state machine (which
    /// revokes its letter and releases its budget); others keep their status and gain the flag.
    /// </summary>
    private async Task FlagOrSendBackAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Actor actor, Guid claimId, string status, DateTime now)
    {
        var data = new RegisterMatchData(FlagCodes.ExternalFundingMatch, actor.Label);
        var sentBack = await transitions.FireAsSystemAsync(conn, tx, claimId, ClaimTrigger.ScreeningFlagRaised,
            "导入的外部资助名录与本案匹配，退回审核", data);
        if (sentBack.Succeeded) return;
        await ClaimStore.BumpVersionAsync(conn, tx, claimId, now);
        await events.AppendAsync(conn, tx, new NewEvent(claimId, actor.Id, actor.Label, "screening_flag", status, status, Data: data));
    }
}
