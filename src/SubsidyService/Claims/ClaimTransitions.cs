using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Notifications;
using SubsidyService.Operations;
using SubsidyService.Policy;

namespace SubsidyService.Claims;

/// <summary>
/// The one way a claim changes status: loads and locks the claim, asks <see cref="ClaimWorkflow"/>,
/// applies the trigger's effects, bumps the version and appends the event, all in one transaction.
/// The API and the pages both call this.
/// </summary>
public sealed class ClaimTransitions(
    NpgsqlDataSource db, ClaimEvaluator evaluator, WorkflowSettings settings,
    TransitionEffects effects, EventLog events, Notifier notifications, TimeProvider clock)
{
    /// <summary>Approval, objection and payment retries come with the payout feature; until then they are refused.</summary>
    public static readonly IReadOnlySet<ClaimTrigger> NotYetAvailable =
        new HashSet<ClaimTrigger> { ClaimTrigger.Approve, ClaimTrigger.Object, ClaimTrigger.RetryPayment };

    public async Task<Outcome<Guid>> FireAsync(Actor actor, Guid id, TransitionRequest request)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var row = await ClaimStore.FindAsync(conn, id, tx, forUpdate: true);
        if (row is null || (!actor.IsStaff && row.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");
        if (request.ExpectedVersion != row.Version) return Refusal.VersionConflict(row.Version);

        var flags = await ClaimStore.FlagsAsync(conn, id, tx);
        var verification = ClaimEvaluator.VerificationOf(row);
        if (request.Trigger == ClaimTrigger.Verify)
        {
            var proposal = VerifyData.Parse(request.Data, evaluator.FactsOf(row));
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
        if (NotYetAvailable.Contains(request.Trigger))
            return NotPermitted(request.Trigger, from, "批准、公示异议和重新拨付将随审批拨付功能开放。");
        if (CheckReason(request) is { } missing) return missing;

        var applied = await effects.ApplyAsync(conn, tx, row, actor, request, verification, evaluation, flags);
        if (!applied.Succeeded) return applied.Refusal!;

        var now = clock.GetUtcNow().UtcDateTime;
        var to = decision.Target!.Value;
        await ClaimStore.SetStatusAsync(conn, tx, id, to, now);
        await events.AppendAsync(conn, tx, new NewEvent(id, actor.Id, actor.Label, EnumCodes.ToCode(request.Trigger),
            EnumCodes.ToCode(from), EnumCodes.ToCode(to), request.Reason, applied.Value!.EventData));
        var brief = new ClaimBrief(row.CaseNumber, row.ApplicantName, evaluation.Amount);
        await notifications.OnTransitionAsync(conn, tx, new TransitionNotice(id, row.ApplicantId, brief, request.Trigger, from, to,
            request.Reason, applied.Value.EventData, []));
        if (applied.Value.FollowUp is { } followUp)
            await FollowUpAsync(conn, tx, id, to, actor, followUp, now, brief, row.ApplicantId);
        await tx.CommitAsync();
        return id;
    }

    /// <summary>
    /// A second transition the first one entails (confirming a register match rejects the claim),
    /// decided by the same machine and logged as its own event.
    /// </summary>
    private async Task FollowUpAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, ClaimStatus from, Actor actor, FollowUp next, DateTime now,
        ClaimBrief brief, Guid applicantId)
    {
        var ctx = new GuardContext(IsOwner: false, actor.Id, null, 0, 0);
        var decision = ClaimWorkflow.Instance.Decide(from, next.Trigger, actor.Role, ctx);
        if (!decision.IsPermitted)
            throw new InvalidOperationException($"follow-up {next.Trigger} from {from} refused: {decision.Message}");
        await ClaimStore.SetStatusAsync(conn, tx, id, decision.Target!.Value, now);
        await events.AppendAsync(conn, tx, new NewEvent(id, actor.Id, actor.Label, EnumCodes.ToCode(next.Trigger),
            EnumCodes.ToCode(from), EnumCodes.ToCode(decision.Target.Value), next.Reason, next.Data));
        await notifications.OnTransitionAsync(conn, tx, new TransitionNotice(id, applicantId, brief, next.Trigger, from, decision.Target.Value,
            next.Reason, next.Data, []));
    }

    /// <summary>Which triggers this actor could fire on the claim now, for the API's permittedTriggers and the page's buttons.</summary>
    public IReadOnlyList<ClaimTrigger> Permitted(ClaimRow row, Actor actor, IReadOnlyList<FlagRow> flags, PolicyVersion version, Evaluation evaluation)
    {
        var ctx = GuardContextOf(row, actor, flags, version, evaluation);
        return ClaimWorkflow.Instance.PermittedTriggers(row.StatusValue, actor.Role, ctx)
            .Where(t => !NotYetAvailable.Contains(t))
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
