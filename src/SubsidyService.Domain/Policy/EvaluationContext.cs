namespace SubsidyService.Domain.Policy;

/// <summary>
/// What the evaluation needs beyond the applicant's facts: the date applied (for a window), a register
/// match the verifier confirmed, and a fee base the verifier lowered on checking the evidence.
/// </summary>
public sealed record EvaluationContext(DateOnly ApplicationDate, bool ConfirmedDuplicateFunding = false, decimal? FeeBaseLimit = null);
