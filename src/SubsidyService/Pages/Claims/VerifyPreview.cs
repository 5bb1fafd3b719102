using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// The amount a verification would give, before the verifier confirms it: the same parsing
/// (<see cref="VerifyData"/>) and evaluation (<see cref="ClaimEvaluator.Evaluate"/>) that
/// <c>verify</c> itself uses, over the claim as the reader returned it. Nothing is written.
/// </summary>
public static class VerifyPreview
{
    public static async Task<Outcome<EstimateResponse>> ComputeAsync(PolicyStore policies, WorkingDayCalendar calendar, DateOnly today, ClaimView claim, VerifyData data)
    {
        var facts = ClaimFactsValidator.Validate(claim.Facts, today, stored: true).ToOutcome();
        if (!facts.Succeeded) return facts.Refusal!;
        var verification = data.ToVerification(facts.Value!);
        if (!verification.Succeeded) return verification.Refusal!;
        var version = await policies.FindAsync(claim.PolicyVersion);
        if (version is null) return new Refusal(422, "policy_missing", "政策版本缺失", $"找不到申请适用的政策版本 {claim.PolicyVersion}。");
        // As ClaimEvaluator does: the application date is the day of submission, and a confirmed register match counts.
        var applicationDate = claim.SubmittedAt is { } s ? ChinaTime.DateOf(s) : today;
        var confirmedDuplicate = claim.Screening.Any(f => f.Code == FlagCodes.ExternalFundingMatch && f.Resolution == "confirm");
        return EstimateResponse.From(ClaimEvaluator.Evaluate(facts.Value!, version, applicationDate, confirmedDuplicate, verification.Value, calendar));
    }
}
