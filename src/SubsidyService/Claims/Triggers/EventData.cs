using System.Text.Json;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// A claim event's stored data as its typed record: by the event's kind (a trigger's code, or one of the events
/// that are not transitions), the record is chosen and read. Whatever reads the history — the pages, the mail,
/// the letters, the applicant's view — reads these records, never the JSON by name.
/// </summary>
public static class EventData
{
    private static readonly JsonSerializerOptions Json = EventJson.Options;

    /// <summary>Claim events that are not transitions, and their records.</summary>
    private static readonly Dictionary<string, Type> OtherKinds = new(StringComparer.Ordinal)
    {
        ["create"] = typeof(FactsRecordedEvent),
        ["edit"] = typeof(FactsRecordedEvent),
        ["document_added"] = typeof(DocumentEvent),
        ["document_removed"] = typeof(DocumentEvent),
        ["screening_flag"] = typeof(FlagNotedEvent),
        ["recovery_proposed"] = typeof(RecoveryProposedEvent),
        ["recovery_dismissed"] = typeof(RecoveryDismissedEvent),
        ["objection_recorded"] = typeof(ObjectionRecordedEvent),
        ["objection_dismissed"] = typeof(ObjectionDismissedEvent),
    };

    /// <summary>Every kind of claim event and the record it keeps (none for a trigger without data).</summary>
    public static IReadOnlyDictionary<string, Type?> Kinds { get; } =
        TriggerDeclarations.All.Values.ToDictionary(d => EnumCodes.ToCode(d.Trigger), d => d.RecordType)
            .Concat(OtherKinds.Select(k => KeyValuePair.Create(k.Key, (Type?)k.Value)))
            .ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);

    /// <summary>The record of an event of this kind, or null when the kind keeps none or the event has no data.</summary>
    public static ClaimEventData? Read(string kind, string? json)
    {
        if (json is null || !Kinds.TryGetValue(kind, out var type) || type is null) return null;
        return (ClaimEventData?)JsonSerializer.Deserialize(json, type, Json);
    }

    public static string Write(ClaimEventData record) => JsonSerializer.Serialize(record, record.GetType(), Json);

    /// <summary>A record as a JSON value, for the API's history (the shape the log keeps).</summary>
    public static JsonElement ToElement(ClaimEventData record) => JsonSerializer.SerializeToElement(record, record.GetType(), Json);
}
