using System.Text.Json;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Recoveries;

/// <summary>
/// <see cref="Effect.RecoveryOpening"/>: a recovery becomes owed, in the transition's transaction, so the recovery and
/// the claim's event stand or fall together. Either a person confirms what a register match proposed (having checked
/// the case and that the register's recipient is this applicant), or opens one directly on its grounds.
/// </summary>
public sealed class RecoveryOpeningEffect : ITransitionEffect
{
    public Effect Effect => Effect.RecoveryOpening;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        switch (t.Data)
        {
            case RecoveryConfirmationData confirmation:
                var proposed = await RecoveryStore.LockAsync(t.Connection, t.Transaction, confirmation.RecoveryId);
                if (proposed is null || proposed.ClaimId != t.Claim.Id) return Refusal.NotFound("该追回");
                if (proposed.State != "proposed")
                    return new Refusal(409, "recovery_decided", "追回已处理", "该追回建议已被确认或排除，请刷新后查看。");
                await RecoveryStore.DecideAsync(t.Connection, t.Transaction, proposed.Id, confirmed: true, t.Actor.Id, t.Reason!, t.Now);
                var row = proposed.RegisterRow is { } json ? JsonSerializer.Deserialize<FundingRegisterEntry>(json, EventJson.Options) : null;
                t.Parts.Set(new RecoveryOpenedEvent(proposed.RegisterRowId, null, null, row,
                    new RecoveryRecord(proposed.Id, Invariant.Money(proposed.Amount)), proposed.Grounds));
                return null;

            case RecoveryOpeningData opening:
                var errors = new Dictionary<string, string[]>();
                if (!RecoveryGrounds.All.ContainsKey(opening.Grounds))
                    errors["grounds"] = [ChoiceError.Message("追回理由", opening.Grounds, RecoveryGrounds.All.Select(g => $"{g.Key}（{g.Value}）")) + "。"];
                // Never more than was paid: what the approval fixed and the batch paid is the claim's amount.
                if (opening.Amount <= 0 || opening.Amount > t.Claim.Amount)
                    errors["amount"] = [$"追回金额须大于 0，且不超过已拨付的 {Invariant.Money(t.Claim.Amount)} 元。"];
                if (errors.Count > 0) return Refusal.Validation(errors);
                await RecoveryStore.OpenAsync(t.Connection, t.Transaction, opening.RecoveryId, t.Claim.Id, t.Claim.ApplicantName, t.Claim.CaseNumber,
                    opening.Amount, opening.Grounds, t.Reason!, t.Actor.Id, t.Now);
                t.Parts.Set(new RecoveryOpenedEvent(null, null, null, null,
                    new RecoveryRecord(opening.RecoveryId, Invariant.Money(opening.Amount)), opening.Grounds));
                return null;

            default:
                throw new InvalidOperationException("open_recovery is fired by the recoveries feature, with a confirmation or an opening");
        }
    }
}

/// <summary><see cref="Effect.RecoverySettlement"/>: how finance settled an open recovery of this claim.</summary>
public sealed class RecoverySettlementEffect : ITransitionEffect
{
    public Effect Effect => Effect.RecoverySettlement;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var read = Settlement.From(t.Data as SettleRecoveryData ?? new SettleRecoveryData(null, null, null, null, null), "data.");
        if (!read.Succeeded) return read.Refusal;
        var s = read.Value!;
        if (s.RecoveryId is not { } recoveryId) return Refusal.Validation("data.recoveryId", "请指明要登记的追回（recoveryId）。");
        var recovery = await RecoveryStore.LockAsync(t.Connection, t.Transaction, recoveryId);
        if (recovery is null || recovery.ClaimId != t.Claim.Id) return Refusal.NotFound("该追回");
        if (recovery.State is "proposed" or "dismissed")
            return new Refusal(409, "recovery_not_open", "追回未确认", "只有已确认的追回可以登记结果：追回建议须先由审核人或财政确认。");
        if (recovery.State != "open")
            return new Refusal(409, "recovery_settled", "追回已登记结果", $"该追回已于 {ChinaTime.Format(recovery.SettledAt!.Value)} 登记为“{Settlement.Methods[recovery.Method!]}”。");
        var amount = s.Amount ?? recovery.Amount;
        if (amount > recovery.Amount)
            return Refusal.Validation("amount", $"追回金额不能超过应追回的 {Invariant.Money(recovery.Amount)} 元。");
        await RecoveryStore.SettleAsync(t.Connection, t.Transaction, recoveryId, t.Actor.Id, s.Method, amount, s.Reference, s.Note, t.Now);
        t.Parts.Set(new SettlementRecord(recoveryId, s.Method, Invariant.Money(amount), s.Reference, s.Note));
        return null;
    }
}
