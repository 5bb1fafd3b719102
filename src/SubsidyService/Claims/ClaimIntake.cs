using SubsidyService.Audit;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using Npgsql;

namespace SubsidyService.Claims;

/// <summary>Creating and editing drafts (and claims sent back for supplement).</summary>
public sealed class ClaimIntake(NpgsqlDataSource db, Estimator estimator, EventLog events, TimeProvider clock)
{
    private sealed record Checked(ClaimFacts Facts, BankAccount Bank, PolicyVersion Version, Evaluation Evaluation);

    public async Task<Outcome<Guid>> CreateAsync(Actor actor, ClaimInput input)
    {
        if (actor.Role != Role.Applicant) return Refusal.Forbidden("只有申请人可以创建补助申请。");
        var checkedInput = await CheckAsync(input);
        if (!checkedInput.Succeeded) return checkedInput.Refusal!;
        var c = checkedInput.Value!;

        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await ClaimStore.InsertAsync(conn, tx, id, actor.Id, c.Facts, ClaimJson.Serialize(ClaimJson.Normalise(c.Facts)),
            ClaimJson.Serialize(c.Bank), c.Version.Id, c.Evaluation.Amount, now);
        await events.AppendAsync(conn, tx, new NewEvent(id, actor.Id, actor.Label, "create", null, "draft",
            Data: new { amount = ApiFormat.Money(c.Evaluation.Amount), policyVersion = c.Version.Id, bankAccount = BankRecord(c.Bank) }));
        await tx.CommitAsync();
        return id;
    }

    public async Task<Outcome<Guid>> UpdateAsync(Actor actor, Guid id, ClaimInput input)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var row = await ClaimStore.FindAsync(conn, id, tx, forUpdate: true);
        if (row is null || (!actor.IsStaff && row.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");
        if (row.ApplicantId != actor.Id) return Refusal.Forbidden("只有申请人本人可以修改申请内容。");
        if (input.ExpectedVersion is { } expected && expected != row.Version) return Refusal.VersionConflict(row.Version);
        if (row.StatusValue is not (ClaimStatus.Draft or ClaimStatus.SupplementRequested))
            return new Refusal(422, "not_editable", "当前状态不能修改", "只有草稿或待补正的申请可以修改。");

        var checkedInput = await CheckAsync(input);
        if (!checkedInput.Succeeded) return checkedInput.Refusal!;
        var c = checkedInput.Value!;
        await ClaimStore.UpdateFactsAsync(conn, tx, id, c.Facts, ClaimJson.Serialize(ClaimJson.Normalise(c.Facts)),
            ClaimJson.Serialize(c.Bank), c.Version.Id, c.Evaluation.Amount, clock.GetUtcNow().UtcDateTime);
        await events.AppendAsync(conn, tx, new NewEvent(id, actor.Id, actor.Label, "edit", row.Status, row.Status,
            Data: new { amount = ApiFormat.Money(c.Evaluation.Amount), policyVersion = c.Version.Id, bankAccount = BankRecord(c.Bank) }));
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
        var (evaluated, errors) = await estimator.EvaluateAsync(input.Facts);
        var bank = BankAccountValidator.Validate(input.BankAccount);
        if (evaluated is null || !bank.IsValid)
            return Refusal.Validation(errors.Concat(bank.Errors).ToDictionary(e => e.Key, e => e.Value));
        return new Checked(evaluated.Facts, bank.Value!, evaluated.Version, evaluated.Evaluation);
    }
}
