using System.Text.Json;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>A claim's facts and bank account as submitted, before validation.</summary>
public sealed record ClaimInput(ClaimFactsInput Facts, BankAccountInput? BankAccount, int? ExpectedVersion = null)
{
    /// <summary>The API body: the claim facts of API.md at the top level, beside <c>bankAccount</c> (and <c>expectedVersion</c> on PUT).</summary>
    public static async Task<Outcome<ClaimInput>> ReadAsync(HttpContext http)
    {
        var (doc, problem) = await RequestBody.ReadAsync<JsonDocument>(http);
        if (problem is not null) return new Refusal(400, "validation_failed", "输入有误", "请求体须为 JSON 对象。",
            new Dictionary<string, string[]> { ["body"] = ["请求体须为 JSON 对象。"] });
        using (doc)
        {
            var root = doc!.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Refusal.Validation("body", "请求体须为 JSON 对象。");
            if (!ClaimJson.Bind<ClaimFactsInput>(root).TryGet(out var facts, out var factsRefusal)) return factsRefusal;
            BankAccountInput? bank = null;
            if (root.TryGetProperty("bankAccount", out var b) && b.ValueKind != JsonValueKind.Null)
            {
                if (!ClaimJson.Bind<BankAccountInput>(b, "bankAccount.").TryGet(out var bound, out var boundRefusal)) return boundRefusal;
                bank = bound;
            }
            int? expected = null;
            if (root.TryGetProperty("expectedVersion", out var v) && v.ValueKind != JsonValueKind.Null)
            {
                if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n)) return Refusal.Validation("expectedVersion", "须为整数。");
                expected = n;
            }
            return new ClaimInput(facts, bank, expected);
        }
    }
}
