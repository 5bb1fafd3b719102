using System.Text.Json;

namespace SubsidyService.Claims;

/// <summary>
/// Reads the members of one JSON object into typed values, naming each member that has the wrong kind of
/// value (<c>data.majorImpact</c>: 须为 true 或 false) instead of failing on the first. Absent and null
/// members read as null: whether a member is required is for the record's own rules, not for its shape.
/// </summary>
public sealed class JsonFields(JsonElement obj, string prefix)
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public bool? Bool(string name)
    {
        if (Member(name) is not { } p) return null;
        if (p.ValueKind is JsonValueKind.True or JsonValueKind.False) return p.GetBoolean();
        return Fail<bool?>(name, "须为 true 或 false。");
    }

    /// <summary>A text, trimmed; blank reads as absent.</summary>
    public string? Text(string name, string message = "须为文本。")
    {
        if (Member(name) is not { } p) return null;
        if (p.ValueKind != JsonValueKind.String) return Fail<string>(name, message);
        var s = p.GetString()!.Trim();
        return s.Length == 0 ? null : s;
    }

    /// <summary>An amount given as text ("4000.00") or as a JSON number, kept as its text for the money parser.</summary>
    public string? TextOrNumber(string name, string message) =>
        Member(name) is { ValueKind: JsonValueKind.Number } p ? p.GetRawText() : Text(name, message);

    public Guid? Id(string name)
    {
        if (Text(name, "须为编号（UUID）文本。") is not { } s) return null;
        return Guid.TryParse(s, out var id) ? id : Fail<Guid?>(name, "须为编号（UUID）文本。");
    }

    /// <summary>A list of texts, each trimmed; any other shape is refused with the given message.</summary>
    public IReadOnlyList<string>? Texts(string name, string message)
    {
        if (Member(name) is not { } p) return null;
        if (p.ValueKind != JsonValueKind.Array || p.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
            return Fail<IReadOnlyList<string>>(name, message);
        return p.EnumerateArray().Select(e => e.GetString()!.Trim()).ToList();
    }

    private JsonElement? Member(string name) =>
        obj.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? p : null;

    private T? Fail<T>(string name, string message)
    {
        Errors[prefix + name] = [message];
        return default;
    }
}
