using SubsidyService.Domain.Claims;

namespace SubsidyService.Notifications;

/// <summary>What mail needs to know about a claim: its case number, the claimant's name, the amount now computed.</summary>
public sealed record ClaimBrief(string CaseNumber, string ApplicantName, decimal Amount);

/// <summary>
/// A transition just made, inside its transaction. <paramref name="EventData"/> is the event's data as
/// logged: <c>defects</c> for a supplement request, <c>reasonText</c> for a rejection; for an approval
/// <c>noticeEndsOn</c> (YYYY-MM-DD), for a failed payment <c>failureReason</c>. <paramref name="Attachments"/>
/// go with the message (the rejection notice, the approval letter).
/// </summary>
public sealed record TransitionNotice(
    Guid ClaimId, Guid ApplicantId, ClaimBrief Claim, ClaimTrigger Trigger, ClaimStatus From, ClaimStatus To,
    string? Reason, object? EventData, IReadOnlyList<MailAttachment> Attachments);

/// <summary>A payout batch has finished: the totals finance is told about.</summary>
public sealed record BatchCompletedNotice(string BatchNumber, DateTime CompletedAt, int Count, decimal TotalAmount,
    int SucceededCount, decimal SucceededAmount, int FailedCount, decimal FailedAmount);
