using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Claims;

/// <summary>
/// The roles that may fire a transition. Built only from at least one role, and required by every
/// <see cref="ClaimStateMachine.StateConfiguration"/> method, so a transition open to nobody in particular cannot be written.
/// </summary>
public sealed class AllowedRoles
{
    private readonly Role[] members;

    private AllowedRoles(Role[] members) => this.members = members;

    public static AllowedRoles Of(Role first, params Role[] more) =>
        new(more.Prepend(first).Distinct().Order().ToArray());

    public IReadOnlyList<Role> Members => members;

    public bool Contains(Role role) => Array.IndexOf(members, role) >= 0;

    /// <summary>The role codes as the diagram shows them: "verifier, finance".</summary>
    public override string ToString() => string.Join(", ", members.Select(EnumCodes.ToCode));
}
