using System.Text.Json;
using Dapper;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Claims.Documents;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>Reads claims as each role may see them: applicants only their own, personal data masked for roles that do not need it.</summary>
public sealed partial class ClaimReader(NpgsqlDataSource db, ClaimEvaluator evaluator, WorkflowSettings settings, TimeProvider clock)
{
    public sealed record HistoryRow(long Id, DateTime At, Guid? ActorId, string Actor, string? ActorRole, string? ActorDisplayName,
        string Trigger, string? FromStatus, string? ToStatus, string? Reason, string? Data);

    /// <summary>
    /// Everything a claim's view shows, by claim id, each statement on an index. Sent as one batch: one
    /// round trip to the database, however busy it is (the policy version comes from the node's cache).
    /// </summary>
    internal static readonly string[] LoadStatements =
    [
        $"SELECT {ClaimRow.Columns} FROM claims WHERE id = @id",
        "SELECT * FROM screening_flags WHERE claim_id = @id ORDER BY raised_at, code",
        """
        SELECT e.id, e.at, e.actor_id AS actorid, e.actor, u.role AS actorrole, u.display_name AS actordisplayname, e.trigger,
               e.from_status AS fromstatus, e.to_status AS tostatus, e.reason, e.data::text AS data
        FROM claim_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.claim_id = @id ORDER BY e.id
        """,
        $"SELECT {DocumentRow.Columns} FROM claim_documents WHERE claim_id = @id AND removed_at IS NULL ORDER BY uploaded_at",
        "SELECT u.display_name FROM claims c JOIN users u ON u.id = c.applicant_id WHERE c.id = @id",
    ];

    private static readonly string LoadSql = string.Join(";\n", LoadStatements);

    /// <summary>The rows a claim's view is made of, as one batch read them.</summary>
    public sealed record Loaded(ClaimRow? Row, List<FlagRow> Flags, List<HistoryRow> History, List<DocumentRow> Documents, string? ApplicantName,
        IReadOnlyList<PriorClaimView>? Prior);

    // Staff also see the identity's and the case's earlier claims, in the same round trip.
    private static readonly string LoadForStaffSql = LoadSql + ";\n" + PriorClaims.Sql;

    /// <summary>
    /// The view's reads added to the caller's batch: alone for a read, or at the end of a write's last batch, where they
    /// see what the transaction has written and the answer needs no round trip of its own.
    /// </summary>
    /// <param name="staff">Whether the reader is staff: only they see the earlier claims (an applicant never does).</param>
    public static SqlBatch.Pending<Loaded> Load(SqlBatch batch, Guid id, bool staff = false) =>
        batch.Read(staff ? LoadForStaffSql : LoadSql, new { id }, async grid => new Loaded(
            await grid.ReadSingleOrDefaultAsync<ClaimRow>(),
            (await grid.ReadAsync<FlagRow>()).ToList(),
            (await grid.ReadAsync<HistoryRow>()).ToList(),
            (await grid.ReadAsync<DocumentRow>()).ToList(),
            await grid.ReadSingleOrDefaultAsync<string>(),
            staff ? await PriorClaims.ReadAsync(grid) : null));

    public async Task<Outcome<ClaimView>> GetAsync(Actor actor, Guid id, DeferredSessionCheck? session = null)
    {
        var batch = new SqlBatch();
        session?.AddTo(batch);
        var loaded = Load(batch, id, actor.IsStaff);
        await using (var conn = await db.OpenConnectionAsync())
            await batch.RunAsync(conn, null);
        if (session?.Refusal is { } signedOut) return signedOut;
        return await ViewAsync(actor, loaded.Value);
    }

    /// <summary>The view of a claim from its loaded rows, as <paramref name="actor"/> may see it.</summary>
    public async Task<Outcome<ClaimView>> ViewAsync(Actor actor, Loaded loaded)
    {
        var (row, flags, history, documents, applicantName, prior) = loaded;
        if (row is null || (!actor.IsStaff && row.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");

        var (version, evaluation) = await evaluator.EvaluateAsync(row, GuardFacts.ConfirmedDuplicateFunding(flags));
        var missing = GuardFacts.MissingDocuments(version, documents.Select(d => d.Kind));
        var stored = ClaimJson.Deserialize<ClaimFactsInput>(row.Facts);
        var permitted = ClaimWorkflow.Instance.PermittedTriggers(row.StatusValue, actor.Role,
            GuardFacts.Of(actor, row.ApplicantId, row.VerifiedBy, flags.Count(f => f.IsUnresolved), settings.PublicNoticeWorkingDays(version),
                evaluation.Eligible, missing, disputeIdentified: GuardFacts.DisputeIdentified(stored)));

        var owner = row.ApplicantId == actor.Id;
        var facts = ClaimJson.WithDefaults(stored);
        if (!owner && actor.Role != Role.Verifier)
            facts = facts with { IdNumber = Masking.KeepEnds(facts.IdNumber ?? "") };
        var bank = ClaimJson.Deserialize<BankAccount>(row.BankAccount);

        return new ClaimView(
            row.Id, row.Status, row.Version, new ApplicantView(row.ApplicantId, applicantName ?? ""), facts,
            new BankAccountView(bank.BankName, bank.AccountName, owner || actor.Role == Role.Finance ? bank.AccountNumber : bank.MaskedNumber),
            row.PolicyVersion, EstimateResponse.From(evaluation),
            flags.Select(f => new ScreeningView(f.Id, f.Code, actor.IsStaff ? f.Detail : ApplicantFacing.FlagDetail(f.Code), f.Resolution,
                f.ResolutionReason, f.RaisedAt, f.ResolvedAt,
                actor.IsStaff ? f.MatchedClaimId : null, actor.IsStaff ? f.MatchedRegisterRowId : null)).ToList(),
            permitted.Select(t => EnumCodes.ToCode(t)).ToList(),
            history.Where(h => actor.IsStaff || ApplicantFacing.Shows(h.Trigger)).Select(h => actor.IsStaff
                ? new HistoryView(h.Id, h.At, h.Actor, h.Trigger, h.FromStatus, h.ToStatus, h.Reason,
                    h.Data is null ? null : JsonDocument.Parse(h.Data).RootElement.Clone(), RoleOf(h))
                : new HistoryView(h.Id, h.At, ApplicantFacing.ActorName(h.ActorId, h.ActorRole, actor.Id), h.Trigger,
                    h.FromStatus, h.ToStatus, h.Reason, ApplicantFacing.EventData(h.Trigger, h.Data), RoleOf(h))).ToList(),
            documents.Where(d => DocumentService.MaySee(actor, row, d.Kind)).Select(DocumentView.Of).ToList(),
            VerificationView.Of(ClaimEvaluator.VerificationOf(row)),
            row.LetterNumber is { } number ? new LetterView(number, row.LetterSha256!) : null,
            row.NoticeEndsOn is { } notice ? Invariant.Date(DateOnly.FromDateTime(notice)) : null,
            row.CreatedAt, row.UpdatedAt, row.SubmittedAt,
            version.RequiredDocuments.Select(k => EnumCodes.ToCode(k)).ToList(), missing.Select(k => EnumCodes.ToCode(k)).ToList(), prior)
        {
            ApplicationNumber = row.ApplicationNumber,
            PolicyTitle = version.Title,
            ReviewDueOn = DateText(row.ReviewDueOn),
            ReviewWorkingDays = version.ReviewWorkingDays,
            Overdue = ReviewDeadline.Overdue(row.Status, row.ReviewDueOn, clock.Today()),
            SupplementDueOn = row.Status == "supplement_requested" ? DateText(row.SupplementDueOn) : null,
        };
    }

    private static string? DateText(DateTime? date) => date is { } d ? Invariant.Date(DateOnly.FromDateTime(d)) : null;

    /// <summary>The acting account's role, or "system" for what the service did by itself (no account).</summary>
    private static string? RoleOf(HistoryRow h) => h.ActorId is null ? "system" : h.ActorRole;
}
