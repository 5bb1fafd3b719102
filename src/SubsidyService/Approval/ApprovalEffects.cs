using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Claims;
using SubsidyService.Letters;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Approval;

/// <summary>
/// <see cref="Effect.BudgetReservation"/>: approval reserves the year's budget (refused when it does not suffice)
/// and fixes the last day of the public notice, in working days.
/// </summary>
public sealed class BudgetReservationEffect(WorkingDayCalendar calendar) : ITransitionEffect
{
    public Effect Effect => Effect.BudgetReservation;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var today = ChinaTime.DateOf(t.Now);
        var amount = t.Evaluation.Amount;
        var reserved = await BudgetStore.ReserveAsync(t.Connection, t.Transaction, t.Claim.Id, today.Year, amount, t.Now);
        if (!reserved.Succeeded) return reserved.Refusal;
        DateOnly? noticeEndsOn = t.To == ClaimStatus.InPublicNotice ? calendar.AddWorkingDays(today, t.PublicNoticeWorkingDays) : null;
        await ClaimStore.SetApprovalAsync(t.Connection, t.Transaction, t.Claim.Id, t.Actor.Id, t.Now, noticeEndsOn);
        t.Parts.Set(new ApprovalRecord(today.Year, Invariant.Money(amount), Invariant.Money(reserved.Value!.Remaining),
            noticeEndsOn is { } d ? Invariant.Date(d) : null));
        return null;
    }
}

/// <summary><see cref="Effect.ApprovalLetter"/> and <see cref="Effect.RejectionLetter"/>: the numbered letter, sent with the applicant's message.</summary>
public sealed class LetterEffect(string kind, ClaimEvaluator evaluator, LetterIssuer letters) : ITransitionEffect
{
    public Effect Effect => kind == LetterIssuer.Approval ? Effect.ApprovalLetter : Effect.RejectionLetter;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var noticeEndsOn = t.Parts.Get<ApprovalRecord>()?.NoticeEndsOn is { } n ? DateOnly.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        var reason = t.Parts.Get<RejectionReason>();
        var draft = new LetterDraft(kind, t.Claim.Id, evaluator.FactsOf(t.Claim), t.Evaluation, ChinaTime.DateOf(t.Now),
            noticeEndsOn, reason?.Code ?? t.ReasonCode, t.Reason, [], ClaimEvaluator.VerificationOf(t.Claim), t.Claim.UndertakingVersion);
        var issued = await letters.IssueAsync(t.Connection, t.Transaction, draft, t.Actor.Role == Role.System ? null : t.Actor.Id, t.Now);
        await ClaimStore.SetLetterAsync(t.Connection, t.Transaction, t.Claim.Id, issued.Number, issued.Sha256);
        var fileName = (kind == LetterIssuer.Approval ? "补助核准通知书-" : "不予补助告知书-") + issued.Number + ".pdf";
        t.Attachments.Add(new MailAttachment(fileName, "application/pdf", issued.Pdf));
        t.Parts.Set(new LetterRef(kind, issued.Number, issued.Sha256));
        return null;
    }
}

/// <summary>
/// <see cref="Effect.ApprovalUndone"/>: an approval that no longer stands (an objection, a register match) gives
/// its budget back and its letter is revoked. A claim never approved has nothing to undo.
/// </summary>
public sealed class ApprovalUndoneEffect : ITransitionEffect
{
    public Effect Effect => Effect.ApprovalUndone;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var released = await BudgetStore.ReleaseAsync(t.Connection, t.Transaction, t.Claim.Id, t.Now);
        var revoked = await LetterStore.RevokeAsync(t.Connection, t.Transaction, t.Claim.Id, t.Reason ?? "核准已撤销", t.Now);
        if (released is null && revoked.Count == 0) return null;
        await ClaimStore.ClearApprovalAsync(t.Connection, t.Transaction, t.Claim.Id);
        await ClaimStore.SetLetterAsync(t.Connection, t.Transaction, t.Claim.Id, null, null);
        t.Parts.Set(new ApprovalUndone(released is null ? null : Invariant.Money(released.Amount), released?.Year, revoked));
        return null;
    }
}

/// <summary><see cref="Effect.BudgetSpent"/>: a payment spends the claim's reservation.</summary>
public sealed class BudgetSpentEffect : ITransitionEffect
{
    public Effect Effect => Effect.BudgetSpent;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var paid = await BudgetStore.MarkPaidAsync(t.Connection, t.Transaction, t.Claim.Id, t.Now);
        if (paid is not null) t.Parts.Set(new BudgetSpent(paid.Year, Invariant.Money(paid.Amount)));
        return null;
    }
}
