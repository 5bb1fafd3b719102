namespace SubsidyService.Domain.Claims;

public sealed record Transition<TState, TTrigger, TRole, TContext>(
    TState Source,
    TTrigger Trigger,
    TState Target,
    IReadOnlyList<TRole> Roles,
    IReadOnlyList<Guard<TContext>> Guards)
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TRole : struct, Enum
{
    public bool IsReentry => EqualityComparer<TState>.Default.Equals(Source, Target);

    public bool GuardsPass(TContext ctx) => Guards.All(g => g.Predicate(ctx));
}
