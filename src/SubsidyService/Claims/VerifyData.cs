using System.Text.Json;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// <c>data</c> of <c>verify</c>: <c>{majorImpact?, foreignRelated?, feeBase?}</c>. Absent designations keep
/// what the applicant declared; the fee base may only be lowered.
/// </summary>
public static class VerifyData
{
    public static Outcome<Verification> Parse(JsonElement? data, ClaimFacts facts)
    {
        var majorImpact = facts.MajorImpact;
        var foreignRelated = facts.ForeignRelated;
        decimal? feeBaseLimit = null;
        var errors = new Dictionary<string, string[]>();
        if (data is { } d)
        {
            majorImpact = Flag(d, "majorImpact", majorImpact, errors);
            foreignRelated = Flag(d, "foreignRelated", foreignRelated, errors);
            if (d.TryGetProperty("feeBase", out var fb) && fb.ValueKind != JsonValueKind.Null)
            {
                var declared = Math.Min(facts.AgencyFee, facts.Invoices.Sum(i => i.Amount));
                if (fb.ValueKind != JsonValueKind.String)
                    errors["data.feeBase"] = ["核定费用基数须为金额字符串，如 \"8000.00\"。"];
                else if (!Yuan.TryParseMoney(fb.GetString(), out var value, out var error))
                    errors["data.feeBase"] = [error!];
                else if (value.Value > declared)
                    errors["data.feeBase"] = [$"核定费用基数只能调低，不能超过申报的 {Invariant.Money(declared)} 元。"];
                else
                    feeBaseLimit = value.Value;
            }
        }
        return errors.Count > 0 ? Refusal.Validation(errors) : new Verification(majorImpact, foreignRelated, feeBaseLimit);
    }

    private static bool Flag(JsonElement d, string name, bool current, Dictionary<string, string[]> errors)
    {
        if (!d.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null) return current;
        if (p.ValueKind is JsonValueKind.True or JsonValueKind.False) return p.GetBoolean();
        errors["data." + name] = ["须为 true 或 false。"];
        return current;
    }
}
