using SubsidyService.Kernel;

namespace SubsidyService.Notifications;

/// <summary>
/// A message to put in the outbox. <paramref name="DedupeKey"/>, when given, makes it once-only: a second
/// message with the same key is not written (the digest per verifier and day, a batch report per person).
/// </summary>
public sealed record OutgoingMail(
    string Kind, string ToAddress, string ToName, string Subject, string Body,
    IReadOnlyList<MailAttachment> Attachments, Guid? ClaimId = null, Guid? RecipientUserId = null, string? DedupeKey = null);
