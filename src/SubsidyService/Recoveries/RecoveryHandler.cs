using System.Text.Json;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Recoveries;

/// <summary>
/// The recoveries' part of a transition on a paid claim: <c>open_recovery</c> (a register import found the case
/// funded elsewhere) opens one for the amount paid; <c>settle_recovery</c> records how finance settled it. Both
/// in the transition's transaction, so the recovery and the claim's event stand or fall together.
/// </summary>
public sealed class RecoveryHandler : ITransitionHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<HandlerResult?>> HandleAsync(TransitionContext t)
    {
        switch (t.Trigger)
        {
            case ClaimTrigger.OpenRecovery:
                return await OpenAsync(t);
            case ClaimTrigger.SettleRecovery:
                return await SettleAsync(t);
            default:
                return HandlerResult.Nothing;
        }
    }

    private static async Task<Outcome<HandlerResult?>> OpenAsync(TransitionContext t)
    {
        if (t.Data is not RecoveryOpeningData opening)
            throw new InvalidOperationException("open_recovery is fired by a register import, with the register row");
        var row = JsonSerializer.Serialize(opening.RegisterRow, Json);
        var registerRowId = opening.RegisterRowId;
        // What was paid is what the approval fixed and the batch paid: the claim's amount.
        var amount = t.Claim.Amount;
        var id = await RecoveryStore.OpenAsync(t.Connection, t.Transaction, t.Claim.Id, registerRowId, t.Claim.ApplicantName,
            t.Claim.CaseNumber, amount, t.Reason ?? "已拨付后发现重复资助", row, t.Now);
        if (id is null)
            return new Refusal(409, "recovery_exists", "追回已登记", "该名录行已就本申请发起追回。");
        return new HandlerResult("recovery", new { id, amount = Invariant.Money(amount) });
    }

    private static async Task<Outcome<HandlerResult?>> SettleAsync(TransitionContext t)
    {
        var read = Settlement.From(t.Data as SettleRecoveryData ?? new SettleRecoveryData(null, null, null, null, null), "data.");
        if (!read.Succeeded) return read.Refusal!;
        var s = read.Value!;
        if (s.RecoveryId is not { } recoveryId) return Refusal.Validation("data.recoveryId", "请指明要登记的追回（recoveryId）。");
        var recovery = await RecoveryStore.LockAsync(t.Connection, t.Transaction, recoveryId);
        if (recovery is null || recovery.ClaimId != t.Claim.Id) return Refusal.NotFound("该追回");
        if (recovery.State != "open")
            return new Refusal(409, "recovery_settled", "追回已登记结果", $"该追回已于 {ChinaTime.Format(recovery.SettledAt!.Value)} 登记为“{Settlement.Methods[recovery.Method!]}”。");
        var amount = s.Amount ?? recovery.Amount;
        if (amount > recovery.Amount)
            return Refusal.Validation("amount", $"追回金额不能超过应追回的 {Invariant.Money(recovery.Amount)} 元。");
        await RecoveryStore.SettleAsync(t.Connection, t.Transaction, recoveryId, t.Actor.Id, s.Method, amount, s.Reference, s.Note, t.Now);
        return new HandlerResult("settlement", new { recoveryId, s.Method, amount = Invariant.Money(amount), s.Reference, s.Note });
    }
}
