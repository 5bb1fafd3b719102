using System.Text.Json;
using SubsidyService.Domain.Money;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Recoveries;

/// <summary>
/// How finance says a recovery was settled: <c>{method, amount?, reference?, note}</c>. Read from the settle
/// endpoint's body (fields named plainly) and from a transition's <c>data</c> (fields named <c>data.…</c>).
/// </summary>
public sealed record Settlement(Guid? RecoveryId, string Method, decimal? Amount, string? Reference, string Note)
{
    public static readonly IReadOnlyDictionary<string, string> Methods = new Dictionary<string, string>
    {
        ["refunded"] = "申请人已退回",
        ["offset"] = "从其他应付款项中抵扣",
        ["written_off"] = "经批准核销",
    };

    public const int MaxNoteLength = 2000;
    public const int MaxReferenceLength = 100;

    public static Outcome<Settlement> Read(JsonElement? body, string prefix)
    {
        var errors = new Dictionary<string, string[]>();
        if (body is not { ValueKind: JsonValueKind.Object } b) return Refusal.Validation(prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), "须为 JSON 对象。");
        var method = Text(b, "method");
        if (method is null || !Methods.ContainsKey(method))
            errors[prefix + "method"] = [$"追回方式须为 {string.Join("、", Methods.Select(m => $"{m.Key}（{m.Value}）"))} 之一。"];
        decimal? amount = null;
        if (b.TryGetProperty("amount", out var a) && a.ValueKind != JsonValueKind.Null)
        {
            var text = a.ValueKind switch { JsonValueKind.String => a.GetString(), JsonValueKind.Number => a.GetRawText(), _ => null };
            if (Yuan.TryParseMoney(text, out var parsed, out _) && parsed.Value > 0) amount = parsed.Value;
            else errors[prefix + "amount"] = ["金额须为大于 0、不超过两位小数的数，如 \"4000.00\"。"];
        }
        var reference = Text(b, "reference");
        if (reference?.Length > MaxReferenceLength) errors[prefix + "reference"] = [$"凭证号不能超过 {MaxReferenceLength} 个字符。"];
        var note = Text(b, "note");
        if (note is null) errors[prefix + "note"] = ["请说明追回情况（note）。"];
        else if (note.Length > MaxNoteLength) errors[prefix + "note"] = [$"说明不能超过 {MaxNoteLength} 个字符。"];
        Guid? recoveryId = Text(b, "recoveryId") is { } r && Guid.TryParse(r, out var g) ? g : null;
        return errors.Count > 0 ? Refusal.Validation(errors) : new Settlement(recoveryId, method!, amount, reference, note!);
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String && p.GetString()!.Trim() is { Length: > 0 } s ? s : null;
}
