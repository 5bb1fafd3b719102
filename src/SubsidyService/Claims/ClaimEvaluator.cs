using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;

namespace SubsidyService.Claims;

/// <summary>Evaluates a stored claim under its policy version, with what the verifier settled.</summary>
public sealed class ClaimEvaluator(PolicyStore policies, TimeProvider clock, WorkingDayCalendar calendar)
{
    /// <summary>
    /// The stored facts were valid when written and stay so: they are read through the same validator, in
    /// its stored mode, so facts written before a rule grew stricter (an old invoice without its code) still load.
    /// </summary>
    public ClaimFacts FactsOf(ClaimRow row)
    {
        var result = ClaimFactsValidator.Validate(ClaimJson.Deserialize<ClaimFactsInput>(row.Facts), clock.Today(), stored: true);
        return result.Value ?? throw new InvalidOperationException(
            $"stored facts of claim {row.Id} no longer validate: {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
    }

    /// <returns>The claim's policy version with the evaluation, since the workflow's guards need its notice period too.</returns>
    public async Task<(PolicyVersion Version, Evaluation Evaluation)> EvaluateAsync(ClaimRow row, bool confirmedDuplicateFunding, Verification? verification = null)
    {
        var facts = FactsOf(row);
        var version = await policies.FindAsync(row.PolicyVersion)
            ?? throw new InvalidOperationException($"policy version {row.PolicyVersion} of claim {row.Id} is missing");
        return (version, Evaluate(facts, version, row.SubmittedAt is { } s ? ChinaTime.DateOf(s) : clock.Today(),
            confirmedDuplicateFunding, verification ?? VerificationOf(row), calendar));
    }

    public static Evaluation Evaluate(ClaimFacts facts, PolicyVersion version, DateOnly applicationDate,
        bool confirmedDuplicateFunding, Verification? verification, WorkingDayCalendar calendar)
    {
        if (verification is not null)
            facts = facts with { MajorImpact = verification.MajorImpact, ForeignRelated = verification.ForeignRelated };
        return PolicyEvaluator.Evaluate(facts, version,
            new EvaluationContext(applicationDate, confirmedDuplicateFunding, verification?.FeeBaseLimit, calendar));
    }

    public static Verification? VerificationOf(ClaimRow row) =>
        row.Verification is null ? null : ClaimJson.Deserialize<Verification>(row.Verification);
}
