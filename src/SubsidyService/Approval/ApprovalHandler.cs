using Npgsql;
using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Claims;
using SubsidyService.Letters;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Approval;

/// <summary>
/// The finance bureau's side of a transition: approval reserves the budget, fixes the public notice and
/// issues the numbered approval letter; an approval that no longer stands (objection, a register match)
/// gives the budget back and revokes its letter; a rejection is told to the applicant by letter; a payment
/// spends the reservation. All in the transition's transaction.
/// </summary>
public sealed class ApprovalHandler(ClaimEvaluator evaluator, LetterIssuer letters, WorkingDayCalendar calendar) : ITransitionHandler
{
    public async Task<Outcome<HandlerResult?>> HandleAsync(TransitionContext t)
    {
        switch (t.Trigger)
        {
            case ClaimTrigger.Approve:
                return await ApproveAsync(t);
            case ClaimTrigger.Reject:
                var rejection = await IssueAsync(t, LetterIssuer.Rejection, null);
                return new HandlerResult("letter", rejection);
            case ClaimTrigger.PaymentSucceeded:
                var paid = await BudgetStore.MarkPaidAsync(t.Connection, t.Transaction, t.Claim.Id, t.Now);
                return paid is null ? HandlerResult.Nothing : new HandlerResult("budget", new { paid.Year, paid = Invariant.Money(paid.Amount) });
            case ClaimTrigger.Object or ClaimTrigger.ScreeningFlagRaised or ClaimTrigger.Withdraw:
                return await UndoApprovalAsync(t);
            default:
                return HandlerResult.Nothing;
        }
    }

    private async Task<Outcome<HandlerResult?>> ApproveAsync(TransitionContext t)
    {
        var today = ChinaTime.DateOf(t.Now);
        var amount = t.Evaluation.Amount;
        var reserved = await BudgetStore.ReserveAsync(t.Connection, t.Transaction, t.Claim.Id, today.Year, amount, t.Now);
        if (!reserved.Succeeded) return reserved.Refusal!;

        DateOnly? noticeEndsOn = t.To == ClaimStatus.InPublicNotice ? calendar.AddWorkingDays(today, t.PublicNoticeWorkingDays) : null;
        await ClaimStore.SetApprovalAsync(t.Connection, t.Transaction, t.Claim.Id, t.Actor.Id, t.Now, noticeEndsOn);
        var letter = await IssueAsync(t, LetterIssuer.Approval, noticeEndsOn);
        return new HandlerResult("approval", new
        {
            budgetYear = today.Year,
            reserved = Invariant.Money(amount),
            remaining = Invariant.Money(reserved.Value!.Remaining),
            noticeEndsOn = noticeEndsOn is { } d ? Invariant.Date(d) : null,
            letter,
        });
    }

    private async Task<object> IssueAsync(TransitionContext t, string kind, DateOnly? noticeEndsOn)
    {
        var draft = new LetterDraft(kind, t.Claim.Id, evaluator.FactsOf(t.Claim), t.Evaluation, ChinaTime.DateOf(t.Now),
            noticeEndsOn, t.ReasonCode, t.Reason, []);
        var issued = await letters.IssueAsync(t.Connection, t.Transaction, draft, t.Actor.Role == Role.System ? null : t.Actor.Id, t.Now);
        await ClaimStore.SetLetterAsync(t.Connection, t.Transaction, t.Claim.Id, issued.Number, issued.Sha256);
        var fileName = (kind == LetterIssuer.Approval ? "补助核准通知书-" : "不予补助告知书-") + issued.Number + ".pdf";
        t.Attachments.Add(new Notifications.MailAttachment(fileName, "application/pdf", issued.Pdf));
        return new { kind, issued.Number, issued.Sha256 };
    }

    private static async Task<Outcome<HandlerResult?>> UndoApprovalAsync(TransitionContext t)
    {
        var released = await BudgetStore.ReleaseAsync(t.Connection, t.Transaction, t.Claim.Id, t.Now);
        var revoked = await LetterStore.RevokeAsync(t.Connection, t.Transaction, t.Claim.Id, t.Reason ?? "核准已撤销", t.Now);
        if (released is null && revoked.Count == 0) return HandlerResult.Nothing;
        await ClaimStore.ClearApprovalAsync(t.Connection, t.Transaction, t.Claim.Id);
        await ClaimStore.SetLetterAsync(t.Connection, t.Transaction, t.Claim.Id, null, null);
        return new HandlerResult("approvalUndone", new
        {
            released = released is null ? null : Invariant.Money(released.Amount),
            budgetYear = released?.Year,
            revokedLetters = revoked,
        });
    }
}
