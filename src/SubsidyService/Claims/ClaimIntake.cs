using SubsidyService.Accounts;
using SubsidyService.Audit;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using Dapper;
using Npgsql;
using SubsidyService.Data;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>Creating and editing drafts (and claims sent back for supplement).</summary>
public sealed class ClaimIntake(NpgsqlDataSource db, Estimator estimator, EventLog events, TimeProvider clock, IConfiguration config,
    ClaimReader reader)
{
    /// <summary>Drafts one applicant may hold at once (<c>Claims:MaxDraftsPerApplicant</c>, default 20): a draft costs storage and blocks nobody.</summary>
    private readonly int maxDrafts = config.GetValue("Claims:MaxDraftsPerApplicant", 20);

    private sealed record Checked(ClaimFacts Facts, BankAccount Bank, PolicyVersion Version, Evaluation Evaluation);

    public async Task<Outcome<Guid>> CreateAsync(Actor actor, ClaimInput input)
    {
        var created = await CreateAsync(actor, input, session: null, answer: false);
        return created.Succeeded ? created.Value.Id : created.Refusal!;
    }

    /// <summary>
    /// The API's creation: the request's session check in the first batch, the claim's view read in the last one (it
    /// sees what the transaction wrote), answered once the transaction commits.
    /// </summary>
    public async Task<Outcome<ClaimView>> CreateAndReadAsync(Actor actor, ClaimInput input, DeferredSessionCheck? session)
    {
        var created = await CreateAsync(actor, input, session, answer: true);
        if (!created.Succeeded) return created.Refusal!;
        return await reader.ViewAsync(actor, created.Value.Loaded!);
    }

    /// <summary>
    /// Two round trips and the commit: the applicant's drafts lock, their count and the event chain's head in one batch;
    /// the claim, its numbers and its event (and the view's reads when <paramref name="answer"/> asks) in the next.
    /// </summary>
    private async Task<Outcome<(Guid Id, ClaimReader.Loaded? Loaded)>> CreateAsync(Actor actor, ClaimInput input, DeferredSessionCheck? session,
        bool answer)
    {
        if (actor.Role != Role.Applicant) return Refusal.Forbidden("只有申请人可以创建补助申请。");
        var checkedInput = await CheckAsync(input);
        if (!checkedInput.Succeeded) return checkedInput.Refusal!;
        var c = checkedInput.Value!;

        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var first = new SqlBatch();
        session?.AddTo(first);
        // One applicant's creations queue here (only that applicant's), so two at once cannot both pass the count.
        AdvisoryLocks.ForTransaction(first, AdvisoryLocks.Drafts(actor.Id));
        var drafts = first.Read("SELECT count(*)::int FROM claims WHERE applicant_id = @applicantId AND status = 'draft'",
            new { applicantId = actor.Id }, grid => grid.ReadSingleAsync<int>());
        var head = EventLog.ReadHead(first, id);
        await first.RunAsync(conn, tx);
        if (session?.Refusal is { } signedOut) return signedOut;
        if (drafts.Value >= maxDrafts)
            return new Refusal(409, "quota_exceeded", "草稿过多", $"每位申请人最多保留 {maxDrafts} 份草稿，请先提交或撤回已有的草稿。");

        var writes = new SqlBatch();
        ClaimStore.Insert(writes, id, actor.Id, c.Facts, ClaimJson.Serialize(ClaimJson.Normalise(c.Facts)),
            ClaimJson.Serialize(c.Bank), c.Version.Id, c.Evaluation, now);
        events.Append(writes, head.Value, new NewEvent(id, actor.Id, actor.Label, "create", null, "draft",
            Data: new { amount = Invariant.Money(c.Evaluation.Amount), policyVersion = c.Version.Id, bankAccount = BankRecord(c.Bank) }));
        var view = answer ? ClaimReader.Load(writes, id) : null;
        await writes.RunAsync(conn, tx);
        await tx.CommitAsync();
        return (id, view?.Value);
    }

    public async Task<Outcome<Guid>> UpdateAsync(Actor actor, Guid id, ClaimInput input)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var row = await ClaimStore.FindAsync(conn, id, tx, forUpdate: true);
        if (row is null || (!actor.IsStaff && row.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");
        if (row.ApplicantId != actor.Id) return Refusal.Forbidden("只有申请人本人可以修改申请内容。");
        if (input.ExpectedVersion is { } expected && expected != row.Version) return Refusal.VersionConflict(row.Version);
        if (!ClaimWorkflow.CanEditFacts(row.StatusValue))
            return new Refusal(422, "not_editable", "当前状态不能修改", "只有草稿或待补正的申请可以修改。");

        var checkedInput = await CheckAsync(input);
        if (!checkedInput.Succeeded) return checkedInput.Refusal!;
        var c = checkedInput.Value!;
        await ClaimStore.UpdateFactsAsync(conn, tx, id, c.Facts, ClaimJson.Serialize(ClaimJson.Normalise(c.Facts)),
            ClaimJson.Serialize(c.Bank), c.Version.Id, c.Evaluation, clock.GetUtcNow().UtcDateTime);
        await events.AppendAsync(conn, tx, new NewEvent(id, actor.Id, actor.Label, "edit", row.Status, row.Status,
            Data: new { amount = Invariant.Money(c.Evaluation.Amount), policyVersion = c.Version.Id, bankAccount = BankRecord(c.Bank) }));
        await tx.CommitAsync();
        return id;
    }

    /// <summary>
    /// The account the subsidy will be paid to, as the event log keeps it: the number masked (auditors read
    /// the log) with a keyed fingerprint, so a later change of account shows as a change in the log.
    /// </summary>
    private object BankRecord(BankAccount bank) => new
    {
        bank.BankName, bank.AccountName, accountNumber = bank.MaskedNumber,
        accountNumberFingerprint = events.Fingerprint(bank.AccountNumber),
    };

    /// <summary>Every field of facts and account is checked at once, so the applicant sees all errors together.</summary>
    private async Task<Outcome<Checked>> CheckAsync(ClaimInput input)
    {
        var (evaluated, refusedFacts) = await estimator.EvaluateAsync(input.Facts);
        var (bank, refusedBank) = BankAccountValidator.Validate(input.BankAccount).ToOutcome();
        var errors = new[] { refusedFacts, refusedBank }.SelectMany(r => r?.FieldErrors ?? []).ToDictionary(e => e.Key, e => e.Value);
        if (evaluated is not null)
        {
            foreach (var (key, messages) in ClaimFactsValidator.ClaimRequirements(evaluated.Facts))
                errors[key] = messages;
            if (bank is not null && !PayeeName.Matches(evaluated.Facts.Name, bank.AccountName))
                errors["bankAccount.accountName"] = [PayeeName.Refusal];
        }
        if (errors.Count > 0)
            return Refusal.Validation(errors);
        return new Checked(evaluated!.Facts, bank!, evaluated.Version, evaluated.Evaluation);
    }
}
