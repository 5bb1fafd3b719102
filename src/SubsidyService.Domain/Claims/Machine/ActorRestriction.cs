namespace SubsidyService.Domain.Claims;

/// <summary>
/// A condition on who fires a trigger beyond the role, such as being the claim's owner. Unlike a guard,
/// failing it means "not you" (forbidden), not "not now" (not permitted).
/// </summary>
public sealed record ActorRestriction<TContext>(Func<TContext, bool> Predicate, string Description);
