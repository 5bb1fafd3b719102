using System.Globalization;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Money;
using SubsidyService.Notifications.Templates;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Notifications;

/// <summary>
/// <see cref="Effect.Notification"/>: the applicant's message about a transition, worded from the transition's
/// event record. A trigger whose declaration lists this effect and whose record has no wording here is a
/// start-up error (<see cref="Covers"/>), not a silent gap.
/// </summary>
public sealed class TransitionMail(Notifier notifier, TimeProvider clock, IConfiguration config) : ITransitionEffect
{
    public Effect Effect => Effect.Notification;

    /// <summary>The event records this effect words a message for.</summary>
    public static readonly IReadOnlySet<Type> Covers = new HashSet<Type>
    {
        typeof(SubmittedEvent), typeof(SupplementRequestedEvent), typeof(RejectedEvent), typeof(ApprovedEvent), typeof(PaymentResultEvent),
        typeof(RecoveryOpenedEvent),
    };

    public bool Handles(TriggerDeclaration declaration) => declaration.RecordType is { } type && Covers.Contains(type);

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var c = t.Claim;
        var receipt = t.Parts.Get<ReceiptRecord>();
        var number = receipt?.ApplicationNumber ?? c.ApplicationNumber ?? c.Id.ToString();
        var amount = t.Evaluation.Amount;
        var files = t.Attachments.Select(a => a.FileName).ToList();
        (string Kind, object Model) mail = t.Record switch
        {
            SubmittedEvent => (MailKinds.Receipt, new ReceiptMail(c.ApplicantName, number, c.CaseNumber, ChinaTime.Format(t.Now),
                Notifier.Money(amount), ChineseAmount.Format(amount), Resubmitted: t.From == ClaimStatus.SupplementRequested,
                receipt is null ? "" : Invariant.Date(receipt.ReviewDueOn), receipt?.ReviewWorkingDays ?? 0)),
            SupplementRequestedEvent s => (MailKinds.Supplement, new SupplementMail(c.ApplicantName, number, c.CaseNumber,
                ChinaTime.Format(t.Now), t.Reason ?? "", s.Defects, s.DueOn ?? "")),
            RejectedEvent r => (MailKinds.Rejection, new RejectionMail(c.ApplicantName, number, c.CaseNumber, ChinaTime.Format(t.Now),
                r.ReasonText ?? "", t.Reason ?? "", files)),
            ApprovedEvent a => (MailKinds.Approval, new ApprovalMail(c.ApplicantName, number, c.CaseNumber, Notifier.Money(amount),
                ChineseAmount.Format(amount), t.To == ClaimStatus.InPublicNotice, a.Approval.NoticeEndsOn ?? "", files)),
            PaymentResultEvent when t.Trigger == ClaimTrigger.PaymentSucceeded => (MailKinds.Paid, new PaidMail(c.ApplicantName, number,
                c.CaseNumber, Notifier.Money(amount), ChineseAmount.Format(amount), clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            PaymentResultEvent p => (MailKinds.PaymentFailed, new PaymentFailedMail(c.ApplicantName, number, c.CaseNumber,
                Notifier.Money(amount), p.BankMessage ?? t.Reason ?? "银行未说明原因")),
            RecoveryOpenedEvent o => (MailKinds.Recovery, RecoveryMailOf(t, o)),
            _ => throw new InvalidOperationException($"{t.Trigger} is declared with a notification, but {t.Record?.GetType().Name ?? "no record"} has no wording"),
        };
        var to = (t.Reads.Get<ApplicantContact>() is { } read ? read.Contact : await UserStore.ContactAsync(t.Connection, t.Transaction, c.ApplicantId))
            ?? throw new InvalidOperationException($"claim {c.Id} has no applicant {c.ApplicantId}");
        notifier.ToApplicant(t.Writes, to, c.Id, mail.Kind, mail.Model, t.Attachments);
        return null;
    }

    public bool Batched => true;

    /// <summary>The applicant's address, read with screening's lookups (or the budget's), after the machine has decided; read here when it was not.</summary>
    public void AddReads(SqlBatch batch, TransitionContext t)
    {
        var contact = UserStore.Contact(batch, t.Claim.ApplicantId);
        t.Reads.Set(new ApplicantContact(contact));
    }

    private sealed class ApplicantContact(SqlBatch.Pending<Contact?> pending)
    {
        public Contact? Contact => pending.Value;
    }

    /// <summary>The recovery notice: the amount, the grounds, the undertaking it rests on (as the claim's submission recorded it).</summary>
    private RecoveryMail RecoveryMailOf(TransitionContext t, RecoveryOpenedEvent o)
    {
        var amount = decimal.Parse(o.Recovery!.Amount, CultureInfo.InvariantCulture);
        return new RecoveryMail(t.Claim.ApplicantName, t.Claim.Id.ToString(), t.Claim.CaseNumber, Notifier.Money(amount),
            ChineseAmount.Format(amount), RecoveryGrounds.Name(o.Grounds ?? "duplicate_funding"), t.Reason ?? "",
            t.Claim.UndertakingVersion ?? "—", config["Authority:Name"] is { Length: > 0 } a ? a : "县财政局");
    }
}
