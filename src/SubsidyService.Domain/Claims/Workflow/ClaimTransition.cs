namespace SubsidyService.Domain.Claims;

/// <summary>One configured transition, as the project's layer recorded it before handing it to Stateless.</summary>
public sealed record ClaimTransition(
    ClaimStatus Source,
    ClaimTrigger Trigger,
    ClaimStatus Target,
    AllowedRoles Roles,
    IReadOnlyList<Condition> Conditions)
{
    public bool IsReentry => Source == Target;
}
