namespace SubsidyService.Domain.Claims;

/// <summary>
/// A small table-driven state machine in the manner of the Stateless library: states and triggers are
/// enums, transitions are declared with <c>Configure(state).Permit(trigger, target, roles)</c>, guards are
/// pure, and the state itself lives outside the machine (the caller passes it in), so one configured
/// instance serves every claim.
/// </summary>
public sealed class StateMachine<TState, TTrigger, TRole, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TRole : struct, Enum
{
    private readonly List<Transition<TState, TTrigger, TRole, TContext>> transitions = [];
    private readonly Dictionary<TTrigger, ActorRestriction<TContext>> actorRestrictions = [];
    private readonly Func<TState, string> stateName;
    private readonly Func<TTrigger, string> triggerName;
    private readonly Func<TRole, string> roleName;

    public StateMachine(
        Func<TState, string>? stateName = null,
        Func<TTrigger, string>? triggerName = null,
        Func<TRole, string>? roleName = null)
    {
        this.stateName = stateName ?? (s => s.ToString());
        this.triggerName = triggerName ?? (t => t.ToString());
        this.roleName = roleName ?? (r => r.ToString());
    }

    public IReadOnlyList<Transition<TState, TTrigger, TRole, TContext>> Transitions => transitions;

    public IReadOnlyDictionary<TTrigger, ActorRestriction<TContext>> ActorRestrictions => actorRestrictions;

    public StateConfiguration Configure(TState state) => new(this, state);

    /// <summary>Restricts who may fire a trigger from any state, beyond the roles (e.g. only the owner).</summary>
    public StateMachine<TState, TTrigger, TRole, TContext> RestrictActor(TTrigger trigger, Func<TContext, bool> predicate, string description)
    {
        actorRestrictions[trigger] = new ActorRestriction<TContext>(predicate, description);
        return this;
    }

    /// <summary>
    /// Not configured from this state → not permitted; configured but not for this role or actor → forbidden;
    /// every guard failing → not permitted, saying which condition is unmet.
    /// </summary>
    public StateMachineDecision<TState> Decide(TState from, TTrigger trigger, TRole role, TContext ctx)
    {
        var candidates = transitions.Where(t => Same(t.Source, from) && Same(t.Trigger, trigger)).ToList();
        if (candidates.Count == 0)
            return Refuse(TransitionOutcome.NotPermitted, $"当前状态（{stateName(from)}）下不能执行“{triggerName(trigger)}”");

        var forRole = candidates.Where(t => t.Roles.Contains(role)).ToList();
        if (forRole.Count == 0)
            return Refuse(TransitionOutcome.Forbidden, $"角色“{roleName(role)}”不能在当前状态（{stateName(from)}）下执行“{triggerName(trigger)}”");

        if (actorRestrictions.TryGetValue(trigger, out var restriction) && !restriction.Predicate(ctx))
            return Refuse(TransitionOutcome.Forbidden, $"不能执行“{triggerName(trigger)}”：{restriction.Description}");

        var passing = forRole.Where(t => t.GuardsPass(ctx)).ToList();
        if (passing.Count > 1)
            throw new InvalidOperationException(
                $"{stateName(from)} 的 {triggerName(trigger)} 有多个守卫同时成立：{string.Join("、", passing.Select(t => stateName(t.Target)))}");
        if (passing.Count == 1)
            return new StateMachineDecision<TState>(TransitionOutcome.Permitted, passing[0].Target, null);

        var unmet = forRole
            .SelectMany(t => t.Guards.Where(g => !g.SelectsTarget && !g.Predicate(ctx)))
            .Select(g => g.Description)
            .Distinct()
            .ToList();
        var why = unmet.Count > 0 ? string.Join("；", unmet) : "没有满足条件的目标状态";
        return Refuse(TransitionOutcome.NotPermitted, $"不能执行“{triggerName(trigger)}”，条件未满足：{why}");
    }

    public IReadOnlyList<TTrigger> PermittedTriggers(TState from, TRole role, TContext ctx) =>
        Enum.GetValues<TTrigger>().Where(t => Decide(from, t, role, ctx).Outcome == TransitionOutcome.Permitted).ToList();

    private static StateMachineDecision<TState> Refuse(TransitionOutcome outcome, string message) => new(outcome, null, message);

    private static bool Same<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b);

    private void Add(TState source, TTrigger trigger, TState target, IReadOnlyList<Guard<TContext>> guards, TRole[] roles)
    {
        if (roles.Length == 0)
            throw new ArgumentException($"{stateName(source)} 的 {triggerName(trigger)} 没有指定角色", nameof(roles));
        transitions.Add(new Transition<TState, TTrigger, TRole, TContext>(source, trigger, target, roles.Distinct().ToArray(), guards));
    }

    public sealed class StateConfiguration
    {
        private readonly StateMachine<TState, TTrigger, TRole, TContext> machine;
        private readonly TState state;

        internal StateConfiguration(StateMachine<TState, TTrigger, TRole, TContext> machine, TState state)
        {
            this.machine = machine;
            this.state = state;
        }

        public StateConfiguration Permit(TTrigger trigger, TState target, params TRole[] roles)
        {
            machine.Add(state, trigger, target, [], roles);
            return this;
        }

        public StateConfiguration PermitIf(TTrigger trigger, TState target, Func<TContext, bool> guard, string guardDescription, params TRole[] roles)
        {
            machine.Add(state, trigger, target, [new Guard<TContext>(guard, guardDescription)], roles);
            return this;
        }

        public StateConfiguration PermitIf(TTrigger trigger, TState target, IReadOnlyList<Guard<TContext>> guards, params TRole[] roles)
        {
            machine.Add(state, trigger, target, guards, roles);
            return this;
        }

        public StateConfiguration PermitReentry(TTrigger trigger, params TRole[] roles) => Permit(trigger, state, roles);

        public StateConfiguration PermitReentryIf(TTrigger trigger, Func<TContext, bool> guard, string guardDescription, params TRole[] roles) =>
            PermitIf(trigger, state, guard, guardDescription, roles);
    }
}
