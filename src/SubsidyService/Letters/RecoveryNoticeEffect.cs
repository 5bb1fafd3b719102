using System.Globalization;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Letters;

/// <summary>
/// <see cref="Effect.RecoveryNotice"/>: the recovery just opened is told to the applicant as a numbered, sealed
/// 追回告知书, in the same transaction (no recovery without its notice), and attached to the message that follows.
/// </summary>
public sealed class RecoveryNoticeEffect(LetterIssuer letters) : ITransitionEffect
{
    public Effect Effect => Effect.RecoveryNotice;

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var opened = t.Parts.Require<RecoveryOpenedEvent>();
        var recovery = opened.Recovery ?? throw new InvalidOperationException("a recovery notice needs the recovery just opened");
        var c = t.Claim;
        var draft = new RecoveryNoticeDraft(c.Id, c.ApplicantName, c.IdNumber, c.CaseNumber, c.Amount,
            decimal.Parse(recovery.Amount, CultureInfo.InvariantCulture), opened.Grounds ?? "other", t.Reason ?? "", c.UndertakingVersion,
            ChinaTime.DateOf(t.Now), c.ApplicationNumber);
        var issued = await letters.IssueAsync(t.Connection, t.Transaction, draft, t.Actor.Role == Role.System ? null : t.Actor.Id, t.Now);
        t.Attachments.Add(new MailAttachment(LetterEndpoints.FileNameOf(LetterIssuer.RecoveryNotice, issued.Number), "application/pdf", issued.Pdf));
        return null;
    }
}
