namespace SubsidyService.Notifications;

/// <summary>A row of <c>outbox_messages</c>.</summary>
public sealed class OutboxRow
{
    public Guid Id { get; init; }
    public string MessageId { get; init; } = "";
    public string Kind { get; init; } = "";
    public Guid? ClaimId { get; init; }
    public Guid? RecipientUserId { get; init; }
    public string ToAddress { get; init; } = "";
    public string ToName { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public string Status { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime NextAttemptAt { get; init; }
    public string? LastError { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SentAt { get; init; }
}
