using System.Text.Json;

namespace SubsidyService.Pages.Claims;

/// <summary>The parts of an event's data a reader of the history needs: defects asked for, a rejection's reason, a new amount, a file.</summary>
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
    }

    private static string? Text(JsonElement d, string name) =>
        d.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
