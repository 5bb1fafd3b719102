using SubsidyService.Domain.Claims;

namespace SubsidyService.Claims.Triggers;

/// <summary>What the declaration of a trigger builds its event record from: what the caller sent, and what the effects wrote.</summary>
public sealed record RecordInput(TriggerData? Data, TransitionParts Parts, string? ReasonCode);

/// <summary>
/// Everything a trigger does besides what the state machine decides: its effects in order, whether the bulk path
/// may fire it, and the record its event keeps (<see cref="RecordType"/>, built by <see cref="Record"/>; none for
/// a trigger whose event carries no data). The single and the bulk path both run this.
/// </summary>
public sealed record TriggerDeclaration(
    ClaimTrigger Trigger,
    IReadOnlyList<Effect> Effects,
    bool Bulk,
    Type? RecordType,
    Func<RecordInput, ClaimEventData?> Record)
{
    /// <summary>The effects that run before the event is written; the applicant's message comes after it, from the record.</summary>
    public IEnumerable<Effect> BeforeEvent => Effects.Where(e => e != Effect.Notification);

    public bool Notifies => Effects.Contains(Effect.Notification);
}
