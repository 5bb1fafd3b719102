using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Notifications;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// The one way a claim changes status: loads and locks the claim, asks <see cref="ClaimWorkflow"/>,
/// applies the trigger's effects and those of the features that registered an <see cref="ITransitionHandler"/>,
/// bumps the version and appends the event, all in one transaction. The API, the pages and the jobs call this.
/// </summary>
public sealed class ClaimTransitions(
    NpgsqlDataSource db, ClaimEvaluator evaluator, WorkflowSettings settings,
    TransitionEffects effects, IEnumerable<ITransitionHandler> handlers, EventLog events, Notifier notifications, TimeProvider clock,
    TransitionAdmission admission)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ITransitionHandler[] handlers = handlers.ToArray();

    public async Task<Outcome<Guid>> FireAsync(Actor actor, Guid id, TransitionRequest request)
    {
        using var admitted = await admission.EnterAsync(request.Trigger);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var fired = await FireAsync(conn, tx, actor, id, request, checkVersion: true);
        if (fired.Succeeded) await tx.CommitAsync();
        return fired;
    }

    /// <summary>
    /// The service itself fires a trigger (a job, a register import) inside the caller's transaction, on the
    /// claim as it is now: there is no version a person saw.
    /// </summary>
    public async Task<Outcome<Guid>> FireAsSystemAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, ClaimTrigger trigger,
        string? reason = null, TriggerData? data = null)
    {
        // A refused trigger must leave the caller's transaction as it was, so that the caller can go on.
        await tx.SaveAsync("system_transition");
        var fired = await FireAsync(conn, tx, Actor.System, id, new TransitionRequest(trigger, 0, reason, null, data), checkVersion: false);
        if (fired.Succeeded) await tx.ReleaseAsync("system_transition");
        else await tx.RollbackAsync("system_transition");
        return fired;
    }

    private async Task<Outcome<Guid>> FireAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Actor actor, Guid id,
        TransitionRequest request, bool checkVersion)
    {
        var row = await ClaimStore.FindAsync(conn, id, tx, forUpdate: true);
        if (row is null || (!actor.IsStaff && row.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");
        if (checkVersion && request.ExpectedVersion != row.Version) return Refusal.VersionConflict(row.Version);

        var flags = await ClaimStore.FlagsAsync(conn, id, tx);
        var verification = ClaimEvaluator.VerificationOf(row);
        if (request.Trigger == ClaimTrigger.Verify)
        {
            var proposal = (request.Data as VerifyData ?? new VerifyData(null, null, null)).ToVerification(evaluator.FactsOf(row));
            if (!proposal.Succeeded) return proposal.Refusal!;
            verification = proposal.Value;
        }
        var (version, evaluation) = await evaluator.EvaluateAsync(row, ConfirmedDuplicateFunding(flags), verification);
        var ctx = GuardContextOf(row, actor, flags, version, evaluation);

        var from = row.StatusValue;
        var decision = ClaimWorkflow.Instance.Decide(from, request.Trigger, actor.Role, ctx);
        if (decision.Outcome == TransitionOutcome.Forbidden)
            return Refusal.Forbidden(decision.Message ?? "您的角色不能对该申请执行此操作。");
        if (decision.Outcome == TransitionOutcome.NotPermitted)
            return NotPermitted(request.Trigger, from, decision.Message);
        if (CheckReason(request) is { } missing) return missing;

        var applied = await effects.ApplyAsync(conn, tx, row, actor, request, verification, evaluation, flags);
        if (!applied.Succeeded) return applied.Refusal!;

        var now = clock.GetUtcNow().UtcDateTime;
        var to = decision.Target!.Value;
        var recorded = await RecordAsync(new TransitionContext(conn, tx, row, actor, request.Trigger, from, to,
            request.Reason, request.ReasonCode, evaluation, settings.PublicNoticeWorkingDays(version), now, request.Data), applied.Value!.EventData);
        if (!recorded.Succeeded) return recorded.Refusal!;

        if (applied.Value.FollowUp is { } followUp)
        {
            var next = await FollowUpAsync(conn, tx, row, to, actor, followUp, evaluation, now);
            if (!next.Succeeded) return next.Refusal!;
        }
        return id;
    }

    /// <summary>The other features' part, the status and the event: what every permitted transition writes.</summary>
    private async Task<Outcome<Guid>> RecordAsync(TransitionContext t, object? eventData)
    {
        var data = eventData;
        foreach (var handler in handlers)
        {
            var handled = await handler.HandleAsync(t);
            if (!handled.Succeeded) return handled.Refusal!;
            if (handled.Value is not { } result) continue;
            var merged = data is null ? new JsonObject() : (JsonObject)JsonSerializer.SerializeToNode(data, Json)!;
            merged[result.Key] = JsonSerializer.SerializeToNode(result.Data, Json);
            data = merged;
        }
        await ClaimStore.SetStatusAsync(t.Connection, t.Transaction, t.Claim.Id, t.To, t.Now);
        await events.AppendAsync(t.Connection, t.Transaction, new NewEvent(t.Claim.Id, t.Actor.Id, t.Actor.Label,
            EnumCodes.ToCode(t.Trigger), EnumCodes.ToCode(t.From), EnumCodes.ToCode(t.To), t.Reason, data));
        // The applicant hears of it in the same transaction: the message is sent only if the change is kept.
        await notifications.OnTransitionAsync(t.Connection, t.Transaction, new TransitionNotice(t.Claim.Id, t.Claim.ApplicantId,
            new ClaimBrief(t.Claim.CaseNumber, t.Claim.ApplicantName, t.Evaluation.Amount), t.Trigger, t.From, t.To, t.Reason, data,
            t.Attachments));
        return t.Claim.Id;
    }

    /// <summary>
    /// A second transition the first one entails (confirming a register match rejects the claim),
    /// decided by the same machine and logged as its own event.
    /// </summary>
    private async Task<Outcome<Guid>> FollowUpAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimRow row, ClaimStatus from,
        Actor actor, FollowUp next, Evaluation evaluation, DateTime now)
    {
        var ctx = new GuardContext(IsOwner: false, actor.Id, null, 0, 0);
        var decision = ClaimWorkflow.Instance.Decide(from, next.Trigger, actor.Role, ctx);
        if (!decision.IsPermitted)
            throw new InvalidOperationException($"follow-up {next.Trigger} from {from} refused: {decision.Message}");
        return await RecordAsync(new TransitionContext(conn, tx, row, actor, next.Trigger, from, decision.Target!.Value,
            next.Reason, next.ReasonCode, evaluation, 0, now), next.Data);
    }

    /// <summary>Which triggers this actor could fire on the claim now, for the API's permittedTriggers and the page's buttons.</summary>
    public IReadOnlyList<ClaimTrigger> Permitted(ClaimRow row, Actor actor, IReadOnlyList<FlagRow> flags, PolicyVersion version, Evaluation evaluation)
    {
        var ctx = GuardContextOf(row, actor, flags, version, evaluation);
        return ClaimWorkflow.Instance.PermittedTriggers(row.StatusValue, actor.Role, ctx)
            .ToList();
    }

    public static bool ConfirmedDuplicateFunding(IReadOnlyList<FlagRow> flags) =>
        flags.Any(f => f.Code == FlagCodes.ExternalFundingMatch && f.Resolution == "confirm");

    private GuardContext GuardContextOf(ClaimRow row, Actor actor, IReadOnlyList<FlagRow> flags, PolicyVersion version, Evaluation evaluation) =>
        new(
            IsOwner: row.ApplicantId == actor.Id,
            ActorId: actor.Id,
            VerifiedBy: row.VerifiedBy,
            UnresolvedFlags: flags.Count(f => f.IsUnresolved),
            PublicNoticeWorkingDays: settings.PublicNoticeWorkingDays(version),
            Eligible: evaluation.Eligible);

    private static Refusal NotPermitted(ClaimTrigger trigger, ClaimStatus from, string? why) =>
        new(422, "trigger_not_permitted", "当前状态不能执行该操作",
            $"申请处于“{ClaimNames.Of(from)}”状态，不能执行“{ClaimNames.Of(trigger)}”" + (why is null ? "。" : $"：{why}。"));

    private static Refusal? CheckReason(TransitionRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (ClaimWorkflow.Instance.RequiresReason(request.Trigger) && request.Reason is null)
            errors["reason"] = [$"“{ClaimNames.Of(request.Trigger)}”须填写理由。"];
        if (ClaimWorkflow.Instance.RequiresReasonCode(request.Trigger))
        {
            if (request.ReasonCode is null)
                errors["reasonCode"] = ["驳回须选择驳回原因代码。"];
            else if (!RejectionReasons.All.ContainsKey(request.ReasonCode))
                errors["reasonCode"] = [$"驳回原因代码应为 {string.Join("、", RejectionReasons.All.Keys)} 之一。"];
        }
        return errors.Count > 0 ? Refusal.Validation(errors) : null;
    }
}
