using Dapper;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Policy;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// <see cref="Effect.SupplementDefects"/>: the checklist items the applicant is to put right, checked, and the deadline
/// the service sets for them: the policy version's working days from the day of the request (never a date the
/// verifier types).
/// </summary>
public sealed class SupplementDefectsEffect(WorkingDayCalendar calendar) : ITransitionEffect
{
    public Effect Effect => Effect.SupplementDefects;

    public bool Batched => true;

    public Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        if (!(t.Data as SupplementRequestData ?? new SupplementRequestData([])).Checked().TryGet(out var defects, out var refusal))
            return Task.FromResult<Refusal?>(refusal);
        var due = SupplementDeadline.Of(calendar, ChinaTime.DateOf(t.Now), t.Policy ?? PolicyVersion.Default);
        t.Writes.Execute("UPDATE claims SET supplement_due_on = @supplementDueOn::date WHERE id = @supplementClaimId",
            new { supplementDueOn = due.ToDateTime(TimeOnly.MinValue), supplementClaimId = t.Claim.Id });
        t.Parts.Set(new SupplementRequestedEvent(defects, Invariant.Date(due)));
        return Task.FromResult<Refusal?>(null);
    }
}

/// <summary>补正期限: the last day the applicant may put a supplement right.</summary>
public static class SupplementDeadline
{
    public static DateOnly Of(WorkingDayCalendar calendar, DateOnly requestedOn, PolicyVersion policy) =>
        calendar.AddWorkingDays(requestedOn, policy.SupplementWorkingDays);
}

/// <summary><see cref="Effect.RejectionReason"/>: the reason code's text, for the letter, the mail and the history.</summary>
public sealed class RejectionReasonEffect : ITransitionEffect
{
    public Effect Effect => Effect.RejectionReason;

    public Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        // The pipeline has checked the code against the list before any effect runs.
        t.Parts.Set(new RejectionReason(t.ReasonCode!, RejectionReasons.All[t.ReasonCode!]));
        return Task.FromResult<Refusal?>(null);
    }
}

/// <summary>
/// <see cref="Effect.FlagResolution"/>: <c>data: {code, decision: confirm|dismiss}</c> settles every open flag of
/// that code. Confirming a register match means the case was funded elsewhere: the claim is then rejected as
/// duplicate funding, by a follow-up transition the same machine decides.
/// </summary>
public sealed class FlagResolutionEffect : ITransitionEffect
{
    public Effect Effect => Effect.FlagResolution;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var errors = new Dictionary<string, string[]>();
        var (code, decision) = t.Data as ScreeningResolutionData ?? new ScreeningResolutionData(null, null);
        var open = t.Flags.Where(f => f.IsUnresolved).ToList();
        if (code is null) errors["data.code"] = ["请指明要处理的筛查标记（data.code）。"];
        else if (open.All(f => f.Code != code))
            errors["data.code"] = [open.Count == 0 ? "该申请没有待处理的筛查标记。" : $"没有待处理的“{code}”标记；待处理的有：{string.Join("、", open.Select(f => f.Code).Distinct())}。"];
        if (decision is not ("confirm" or "dismiss")) errors["data.decision"] = [ChoiceError.Message("处理结论", decision, ["confirm（确认）", "dismiss（排除）"]) + "。"];
        if (errors.Count > 0) return Refusal.Validation(errors);

        var ids = open.Where(f => f.Code == code).Select(f => f.Id).ToArray();
        await t.Connection.ExecuteAsync("""
            UPDATE screening_flags SET resolution = @decision, resolved_by = @by, resolved_at = @Now, resolution_reason = @Reason
            WHERE id = ANY(@ids)
            """, new { decision, by = t.Actor.Id, t.Now, t.Reason, ids }, t.Transaction);
        t.Parts.Set(new ScreeningResolvedEvent(code!, decision!, ids));
        if (code == FlagCodes.ExternalFundingMatch && decision == "confirm")
            t.Parts.Set(new FollowUp(Domain.Claims.ClaimTrigger.Reject, t.Reason, "duplicate_funding"));
        return null;
    }
}
