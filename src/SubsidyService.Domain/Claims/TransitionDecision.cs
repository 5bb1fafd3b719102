namespace SubsidyService.Domain.Claims;

/// <param name="Target">The status the claim moves to when permitted.</param>
/// <param name="Message">Why not, in Chinese, when not permitted or forbidden.</param>
/// <param name="Code">The unmet condition's own refusal code (<see cref="Condition.Code"/>), when it has one.</param>
public sealed record TransitionDecision(TransitionOutcome Outcome, ClaimStatus? Target, string? Message, string? Code = null)
{
    public bool IsPermitted => Outcome == TransitionOutcome.Permitted;
}
