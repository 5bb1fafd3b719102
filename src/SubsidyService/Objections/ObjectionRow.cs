namespace SubsidyService.Objections;

/// <summary>An objection as stored: who objected and how to reach them, what they said, and how it was handled.</summary>
public sealed class ObjectionRow
{
    public Guid Id { get; init; }
    public Guid ClaimId { get; init; }
    public string ApplicantName { get; init; } = "";
    public string CaseNumber { get; init; } = "";
    public string? Objector { get; init; }
    public string? Contact { get; init; }
    public string Content { get; init; } = "";
    public DateTime ReceivedAt { get; init; }
    public Guid RecordedBy { get; init; }
    public string RecordedByName { get; init; } = "";
    /// <summary><c>sustained</c>, <c>dismissed</c>, or null while nobody has handled it.</summary>
    public string? Outcome { get; init; }
    public string? Reply { get; init; }
    public Guid? HandledBy { get; init; }
    public string? HandledByName { get; init; }
    public DateTime? HandledAt { get; init; }

    public bool IsOpen => Outcome is null;
}
