using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Policy;

/// <summary>Valid facts, the version in force on their judgment date, and what it gives.</summary>
public sealed record Evaluated(ClaimFacts Facts, PolicyVersion Version, Evaluation Evaluation);

/// <summary>
/// Validates claim facts and evaluates them under the version in force on the judgment date; shared by
/// the estimate (API and page) and claim intake, so all give the same answer and the same field errors.
/// </summary>
public sealed class Estimator(PolicyStore store, TimeProvider clock, WorkingDayCalendar calendar)
{
    public async Task<Outcome<Evaluated>> EvaluateAsync(ClaimFactsInput input)
    {
        var today = clock.Today();
        var (facts, refused) = ClaimFactsValidator.Validate(input, today).ToOutcome();
        if (refused is not null) return refused;

        // A judgment older than every version is answered (no_policy_in_force) under the first version, so the
        // applicant learns why; a claim may still be made, for the record, and is evaluated the same way.
        var version = await store.InForceAsync(facts!.JudgmentEffectiveDate) ?? await store.FirstAfterAsync(facts.JudgmentEffectiveDate);
        if (version is null)
            return Refusal.Validation("judgmentEffectiveDate", $"判决生效日期 {Invariant.Date(facts.JudgmentEffectiveDate)} 不在任何补助政策版本的有效期内，无法测算。");
        return new Evaluated(facts, version, PolicyEvaluator.Evaluate(facts, version, new EvaluationContext(today, Calendar: calendar)));
    }

    public async Task<Outcome<EstimateResponse>> EstimateAsync(ClaimFactsInput input)
    {
        var (result, refused) = await EvaluateAsync(input);
        return refused is null ? EstimateResponse.From(result!.Evaluation) : refused;
    }
}
