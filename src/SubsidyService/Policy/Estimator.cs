using SubsidyService.Domain.Policy;

namespace SubsidyService.Policy;

/// <summary>
/// Validates claim facts and evaluates them under the version in force on the judgment date; shared by
/// the API and the estimate page so both give the same answer and the same field errors.
/// </summary>
public sealed class Estimator(PolicyStore store, TimeProvider clock)
{
    public async Task<(EstimateResponse? Estimate, IReadOnlyDictionary<string, string[]> Errors)> EstimateAsync(ClaimFactsInput input)
    {
        var today = ChinaDate.Today(clock);
        var validated = ClaimFactsValidator.Validate(input, today);
        if (!validated.IsValid) return (null, validated.Errors);

        var facts = validated.Value!;
        var version = await store.InForceAsync(facts.JudgmentEffectiveDate);
        if (version is null)
        {
            return (null, new Dictionary<string, string[]>
            {
                ["judgmentEffectiveDate"] = [$"判决生效日期 {ApiFormat.Date(facts.JudgmentEffectiveDate)} 不在任何补助政策版本的有效期内，无法测算。"],
            });
        }
        return (EstimateResponse.From(PolicyEvaluator.Evaluate(facts, version, new EvaluationContext(today))), validated.Errors);
    }
}
