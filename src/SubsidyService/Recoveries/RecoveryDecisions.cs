using System.ComponentModel.DataAnnotations;
using SubsidyService.Domain.Kernel;
using System.Text.Json;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Money;
using SubsidyService.Kernel;

namespace SubsidyService.Recoveries;

/// <summary>The body of confirm and dismiss: why, in words (it goes into the claim's history and, when confirmed, the notice).</summary>
public sealed record RecoveryDecisionInput([property: MaxLength(RecoveryDecisions.MaxReasonLength)] string? Reason);

/// <summary>The body of <c>POST /api/v1/recoveries</c>: a recovery opened directly on a paid claim.</summary>
public sealed record RecoveryOpeningInput(Guid? ClaimId, string? Grounds, string? Amount, [property: MaxLength(RecoveryDecisions.MaxReasonLength)] string? Reason);

/// <summary>
/// What people decide about recoveries. Confirming a proposal and opening one directly go through the claim's
/// workflow (<c>open_recovery</c>), which tells the applicant; a dismissal is recorded in the claim's history.
/// </summary>
public sealed class RecoveryDecisions(NpgsqlDataSource db, ClaimTransitions transitions, EventLog events, TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public async Task<Outcome<Guid>> ConfirmAsync(Actor actor, Guid id, RecoveryDecisionInput input)
    {
        if (Reason(input.Reason) is { } refused) return refused;
        if (await FindAsync(id) is not { } recovery) return Refusal.NotFound("该追回");
        var fired = await FireAsync(actor, recovery.ClaimId, input.Reason!.Trim(), new RecoveryConfirmationData(id));
        return fired.Succeeded ? id : fired.Refusal!;
    }

    public async Task<Outcome<Guid>> DismissAsync(Actor actor, Guid id, RecoveryDecisionInput input)
    {
        if (Reason(input.Reason) is { } refused) return refused;
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var recovery = await RecoveryStore.LockAsync(conn, tx, id);
        if (recovery is null) return Refusal.NotFound("该追回");
        if (recovery.State != "proposed")
            return new Refusal(409, "recovery_decided", "追回已处理", "只有待确认的追回建议可以排除。");
        var now = clock.GetUtcNow().UtcDateTime;
        // The claim's row lock orders its events; the dismissal is part of the claim's history.
        var claim = (await ClaimStore.FindAsync(conn, recovery.ClaimId, tx, forUpdate: true))!;
        await RecoveryStore.DecideAsync(conn, tx, id, confirmed: false, actor.Id, input.Reason!.Trim(), now);
        await ClaimStore.BumpVersionAsync(conn, tx, claim.Id, now);
        await events.AppendAsync(conn, tx, new NewEvent(claim.Id, actor.Id, actor.Label, "recovery_dismissed", claim.Status, claim.Status,
            input.Reason.Trim(), new RecoveryDismissedEvent(id)));
        await tx.CommitAsync();
        return id;
    }

    public async Task<Outcome<Guid>> OpenAsync(Actor actor, RecoveryOpeningInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.ClaimId is null) errors["claimId"] = ["请指明要追回的申请（claimId）。"];
        if (input.Grounds is null || !RecoveryGrounds.All.ContainsKey(input.Grounds))
            errors["grounds"] = [ChoiceError.Message("追回理由", input.Grounds, RecoveryGrounds.All.Select(g => $"{g.Key}（{g.Value}）")) + "。"];
        decimal amount = 0;
        if (string.IsNullOrWhiteSpace(input.Amount))
            errors["amount"] = ["请填写追回金额，如 4000 或 4,000.00。"];
        else if (!AmountInput.TryParse(input.Amount, out var parsed, out var amountError))
            errors["amount"] = [$"追回金额：{amountError}。"];
        else amount = parsed.Value;
        if (Reason(input.Reason) is { Errors: { } reasonErrors }) foreach (var e in reasonErrors) errors[e.Key] = e.Value;
        if (errors.Count > 0) return Refusal.Validation(errors);
        // The id is chosen here, so the answer names exactly the recovery this request opened.
        var id = Guid.NewGuid();
        var fired = await FireAsync(actor, input.ClaimId!.Value, input.Reason!.Trim(), new RecoveryOpeningData(id, input.Grounds!, amount));
        return fired.Succeeded ? id : fired.Refusal!;
    }

    private async Task<RecoveryRow?> FindAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await RecoveryStore.FindAsync(conn, id);
    }

    /// <summary>The claim's version is read just before; a transition in between answers 409 and the caller retries.</summary>
    private async Task<Outcome<Guid>> FireAsync(Actor actor, Guid claimId, string reason, TriggerData data)
    {
        int version;
        await using (var conn = await db.OpenConnectionAsync())
        {
            var claim = await ClaimStore.FindAsync(conn, claimId);
            if (claim is null) return Refusal.NotFound("该申请");
            version = claim.Version;
        }
        var fired = await transitions.FireAsync(actor, claimId, new TransitionRequest(ClaimTrigger.OpenRecovery, version, reason, null, data));
        return fired.Refusal?.Errors is { } errors
            ? Refusal.Validation(errors.ToDictionary(e => e.Key.Replace("data.", ""), e => e.Value))
            : fired;
    }

    private static Refusal? Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? Refusal.Validation("reason", "请写明理由（reason）。")
        : reason.Length > MaxReasonLength ? Refusal.Validation("reason", $"理由不能超过 {MaxReasonLength} 个字符。")
        : null;
}
