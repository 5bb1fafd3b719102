namespace SubsidyService.Domain.Claims;

/// <param name="Target">The status the claim moves to when permitted.</param>
/// <param name="Message">Why not, in Chinese, when not permitted or forbidden.</param>
public sealed record TransitionDecision(TransitionOutcome Outcome, ClaimStatus? Target, string? Message)
{
    public bool IsPermitted => Outcome == TransitionOutcome.Permitted;
}
