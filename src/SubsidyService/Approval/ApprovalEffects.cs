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

    public bool Batched => true;

    /// <summary>The year's budget row, locked in the transition's batch of reads (before the letter's number, as always).</summary>
    public void AddReads(SqlBatch batch, TransitionContext t) =>
        t.Reads.Set(new LockedBudget(BudgetStore.Lock(batch, ChinaTime.DateOf(t.Now).Year)));

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var today = ChinaTime.DateOf(t.Now);
        var amount = t.Evaluation.Amount;
        if (t.Reads.Get<LockedBudget>() is not { } locked)
        {
            var batch = new SqlBatch();
            locked = new LockedBudget(BudgetStore.Lock(batch, today.Year));
            await batch.RunAsync(t.Connection, t.Transaction);
        }
        var reserved = BudgetStore.Reserve(t.Writes, locked.Row.Value, t.Claim.Id, today.Year, amount, t.Now);
        if (!reserved.Succeeded) return reserved.Refusal;
        DateOnly? noticeEndsOn = t.To == ClaimStatus.InPublicNotice ? calendar.AddWorkingDays(today, t.PublicNoticeWorkingDays) : null;
        ClaimStore.SetApproval(t.Writes, t.Claim.Id, t.Actor.Id, t.Now, noticeEndsOn);
        t.Parts.Set(new ApprovalRecord(today.Year, Invariant.Money(amount), Invariant.Money(reserved.Value!.Remaining),
            noticeEndsOn is { } d ? Invariant.Date(d) : null));
        return null;
    }

    private sealed record LockedBudget(SqlBatch.Pending<Budget?> Row);
}

/// <summary><see cref="Effect.ApprovalLetter"/> and <see cref="Effect.RejectionLetter"/>: the numbered letter, sent with the applicant's message.</summary>
public sealed class LetterEffect(string kind, ClaimEvaluator evaluator, LetterIssuer letters) : ITransitionEffect
{
    public Effect Effect => kind == LetterIssuer.Approval ? Effect.ApprovalLetter : Effect.RejectionLetter;

    public bool Batched => true;

    /// <summary>The year's next letter number, taken in the transition's batch of reads (given back if the transition is refused).</summary>
    public void AddReads(SqlBatch batch, TransitionContext t) =>
        t.Reads.Set(new LetterNumber(LetterIssuer.NextSequence(batch, ChinaTime.DateOf(t.Now).Year)));

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var noticeEndsOn = t.Parts.Get<ApprovalRecord>()?.NoticeEndsOn is { } n ? DateOnly.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        var reason = t.Parts.Get<RejectionReason>();
        var draft = new LetterDraft(kind, t.Claim.Id, evaluator.FactsOf(t.Claim), t.Evaluation, ChinaTime.DateOf(t.Now),
            noticeEndsOn, reason?.Code ?? t.ReasonCode, t.Reason, [], ClaimEvaluator.VerificationOf(t.Claim), t.Claim.UndertakingVersion,
            t.Claim.ApplicationNumber);
        if (t.Reads.Get<LetterNumber>() is not { } taken)
        {
            var batch = new SqlBatch();
            taken = new LetterNumber(LetterIssuer.NextSequence(batch, draft.IssuedOn.Year));
            await batch.RunAsync(t.Connection, t.Transaction);
        }
        var issued = letters.Issue(t.Writes, taken.Seq.Value, draft, t.Actor.Role == Role.System ? null : t.Actor.Id, t.Now);
        ClaimStore.SetLetter(t.Writes, t.Claim.Id, issued.Number, issued.Sha256);
        var fileName = (kind == LetterIssuer.Approval ? "补助核准通知书-" : "不予补助告知书-") + issued.Number + ".pdf";
        t.Attachments.Add(new MailAttachment(fileName, "application/pdf", issued.Pdf));
        t.Parts.Set(new LetterRef(kind, issued.Number, issued.Sha256));
        return null;
    }

    private sealed record LetterNumber(SqlBatch.Pending<int> Seq);
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
