using System.Text.Json;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// An event's data as people read it. <see cref="Lines"/> picks what a reader of the history needs (defects
/// asked for, a rejection's reason, a new amount, a file, a letter); <see cref="All"/> writes out every field
/// for the auditors, who must see the record as it was kept.
/// </summary>
public static class HistoryData
{
    public static IEnumerable<string> Lines(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d) yield break;
        if (d.TryGetProperty("defects", out var defects) && defects.ValueKind == JsonValueKind.Array && defects.GetArrayLength() > 0)
            yield return "补正事项：" + string.Join("；", defects.EnumerateArray().Select(e => e.GetString()));
        if (Text(d, "reasonText") is { } reasonText) yield return "驳回原因：" + reasonText;
        if (Text(d, "decision") is { } decision) yield return $"{ClaimText.Flag(Text(d, "code") ?? "")}：{ClaimText.Resolution(decision)}";
        if (Text(d, "fileName") is { } file) yield return $"{ClaimText.Kind(Text(d, "kind"))}：{file}";
        if (Text(d, "amount") is { } amount) yield return "金额：" + ClaimText.Money(amount);
        var approval = Object(d, "approval");
        if (approval is { } a && Text(a, "noticeEndsOn") is { } noticeEnds) yield return "公示期至：" + ClaimText.ChineseDate(noticeEnds);
        if (Object(approval ?? d, "letter") is { } letter && Text(letter, "number") is { } number)
            yield return $"{ClaimText.LetterKind(Text(letter, "kind"))}：{number}";
        if (Object(d, "approvalUndone") is { } undone && undone.TryGetProperty("revokedLetters", out var revoked)
            && revoked.ValueKind == JsonValueKind.Array && revoked.GetArrayLength() > 0)
            yield return "已撤销决定书：" + string.Join("、", revoked.EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>Every field of the data, nested names joined with “.”, arrays numbered: one “name：value” line each.</summary>
    public static IReadOnlyList<(string Name, string Value)> All(JsonElement? data)
    {
        var lines = new List<(string, string)>();
        if (data is { } d) Walk(d, "", lines);
        return lines;
    }

    private static void Walk(JsonElement e, string path, List<(string, string)> lines)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}", lines);
                break;
            case JsonValueKind.Array when e.GetArrayLength() == 0:
                lines.Add((path, "（无）"));
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]", lines);
                break;
            case JsonValueKind.String:
                lines.Add((path, e.GetString() ?? ""));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                lines.Add((path, e.GetBoolean() ? "是" : "否"));
                break;
            case JsonValueKind.Null:
                lines.Add((path, "（空）"));
                break;
            default:
                lines.Add((path, e.GetRawText()));
                break;
        }
    }

    private static JsonElement? Object(JsonElement d, string name) =>
        d.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Object ? p : null;

    private static string? Text(JsonElement d, string name) =>
        d.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
