namespace SubsidyService.Domain.Policy;

/// <summary>One condition of eligibility. All rules run and every failure is reported, not only the first.</summary>
public interface IEligibilityRule
{
    /// <summary>The words of item 13 the rule enforces, cited in the trace when it fails.</summary>
    string Clause { get; }

    Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier);
}
