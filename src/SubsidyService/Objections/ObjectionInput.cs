using System.ComponentModel.DataAnnotations;
namespace SubsidyService.Objections;

/// <summary>
/// The body of <c>POST /api/v1/claims/{id}/objections</c>: who objected and how to reach them (an objection may be
/// anonymous), what they said, and when it arrived (an instant; now when left out: a letter is recorded as it comes).
/// </summary>
public sealed record ObjectionInput([property: MaxLength(ObjectionRecording.MaxNameLength)] string? Objector, [property: MaxLength(ObjectionRecording.MaxNameLength)] string? Contact, [property: MaxLength(ObjectionRecording.MaxContentLength)] string? Content, DateTimeOffset? ReceivedAt);

/// <summary>The body of <c>…/sustain</c>: optionally what the objector is told.</summary>
public sealed record SustainInput([property: MaxLength(ObjectionHandling.MaxReplyLength)] string? Reply);

/// <summary>The body of <c>…/dismiss</c>: the answer given to the objector, required.</summary>
public sealed record DismissInput([property: MaxLength(ObjectionHandling.MaxReplyLength)] string? Reply);
