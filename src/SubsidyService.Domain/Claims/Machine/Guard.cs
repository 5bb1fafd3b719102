namespace SubsidyService.Domain.Claims;

/// <summary>A pure condition on a transition.</summary>
/// <param name="Description">The condition in words, shown in diagrams and, when it fails, to the user.</param>
/// <param name="SelectsTarget">
/// The guard only chooses between targets of the same trigger (mutually exclusive with a sibling's),
/// so its failure is not a reason to tell anyone.
/// </param>
public sealed record Guard<TContext>(Func<TContext, bool> Predicate, string Description, bool SelectsTarget = false);
