using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Policy;

/// <summary>Valid facts, the version in force on their judgment date, and what it gives.</summary>
public sealed record Evaluated(ClaimFacts Facts, PolicyVersion Version, Evaluation Evaluation);

/// <summary>
/// Validates claim facts and evaluates them under the version in force on the judgment date; shared by
/// the estimate (API and page) and claim intake, so all give the same answer and the same field errors.
/// </summary>
public sealed class Estimator(PolicyStore store, TimeProvider clock, WorkingDayCalendar calendar)
{
    public async Task<(Evaluated? Result, IReadOnlyDictionary<string, string[]> Errors)> EvaluateAsync(ClaimFactsInput input)
    {
        var today = clock.Today();
        var validated = ClaimFactsValidator.Validate(input, today);
        if (!validated.IsValid) return (null, validated.Errors);

        var facts = validated.Value!;
        var version = await store.InForceAsync(facts.JudgmentEffectiveDate);
        if (version is null)
        {
            return (null, new Dictionary<string, string[]>
            {
                ["judgmentEffectiveDate"] = [$"判决生效日期 {Invariant.Date(facts.JudgmentEffectiveDate)} 不在任何补助政策版本的有效期内，无法测算。"],
            });
        }
        return (new Evaluated(facts, version, PolicyEvaluator.Evaluate(facts, version, new EvaluationContext(today, Calendar: calendar))), validated.Errors);
    }

    public async Task<(EstimateResponse? Estimate, IReadOnlyDictionary<string, string[]> Errors)> EstimateAsync(ClaimFactsInput input)
    {
        var (result, errors) = await EvaluateAsync(input);
        return (result is null ? null : EstimateResponse.From(result.Evaluation), errors);
    }
}
