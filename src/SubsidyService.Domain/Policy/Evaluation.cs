namespace SubsidyService.Domain.Policy;

/// <summary>
/// The outcome of applying a policy version to a claim. Fee base and uncapped figures are reported even
/// for an ineligible claim, so an applicant sees what a fix would yield; its amount is 0.00.
/// </summary>
public sealed record Evaluation(
    bool Eligible,
    Tier? Tier,
    decimal Rate,
    decimal FeeBase,
    decimal UncappedAmount,
    decimal? Cap,
    decimal Amount,
    bool CapApplied,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<TraceStep> Trace,
    string PolicyVersion)
{
    /// <summary>The version's title (<see cref="Policy.PolicyVersion.Title"/>); null in an evaluation stored before titles.</summary>
    public string? PolicyTitle { get; init; }
}
