namespace SubsidyService.Domain.Claims;

public enum TransitionOutcome
{
    Permitted,

    /// <summary>The trigger is not valid in this state, or a guard failed (HTTP 422).</summary>
    NotPermitted,

    /// <summary>The trigger is valid in this state but not for this role or actor (HTTP 403).</summary>
    Forbidden,
}
