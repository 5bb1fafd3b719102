using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// API.md's <c>{trigger, expectedVersion, reason?, reasonCode?, data?}</c>, checked for shape: <c>data</c> is read
/// as the trigger's own record (<see cref="TriggerData"/>). The OpenAPI document describes the body as this record.
/// </summary>
public sealed record TransitionRequest(ClaimTrigger Trigger, int ExpectedVersion, [property: MaxLength(TransitionRequest.MaxReasonLength)] string? Reason, string? ReasonCode, TriggerData? Data = null)
{
    public const int MaxReasonLength = 2000;

    public static async Task<Outcome<TransitionRequest>> ReadAsync(HttpContext http)
    {
        var (doc, problem) = await RequestBody.ReadAsync<JsonDocument>(http);
        if (problem is not null) return Refusal.Validation("body", "请求体须为 JSON 对象。");
        using (doc)
            return Parse(doc!.RootElement);
    }

    public static Outcome<TransitionRequest> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return Refusal.Validation("body", "请求体须为 JSON 对象。");
        var errors = new Dictionary<string, string[]>();
        ClaimTrigger trigger = default;
        if (!root.TryGetProperty("trigger", out var t) || t.ValueKind != JsonValueKind.String)
            errors["trigger"] = ["请指明要执行的操作（trigger）。"];
        else if (!EnumCodes.TryParse(t.GetString(), out trigger))
            errors["trigger"] = [ChoiceError.Message("操作", t.GetString(), EnumCodes.AllCodes<ClaimTrigger>()) + "。"];

        var expected = 0;
        if (!root.TryGetProperty("expectedVersion", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out expected))
            errors["expectedVersion"] = ["请提供申请的当前版本号（expectedVersion，整数），以免覆盖他人的修改。"];

        var reason = Text(root, "reason", errors);
        var reasonCode = Text(root, "reasonCode", errors);
        if (reason?.Length > MaxReasonLength) errors["reason"] = [$"理由不能超过 {MaxReasonLength} 个字符。"];
        TriggerData? data = null;
        if (root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.Object) errors["data"] = ["data 须为 JSON 对象。"];
            else if (!errors.ContainsKey("trigger"))
            {
                var read = TriggerData.Read(trigger, d);
                if (read.Succeeded) data = read.Value;
                else foreach (var (field, messages) in read.Refusal!.Errors!) errors[field] = messages;
            }
        }

        return errors.Count > 0
            ? Refusal.Validation(errors)
            : new TransitionRequest(trigger, expected, reason, reasonCode, data);
    }

    private static string? Text(JsonElement root, string name, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return null;
        if (p.ValueKind != JsonValueKind.String)
        {
            errors[name] = ["须为文本。"];
            return null;
        }
        var s = p.GetString()!.Trim();
        return s.Length == 0 ? null : s;
    }
}
