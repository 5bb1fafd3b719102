using SubsidyService.Domain.Policy;
using Stateless;
using Stateless.Reflection;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Claims;

/// <summary>
/// The project's thin layer over one Stateless machine. Stateless evaluates the guards, reports the unmet ones
/// and picks the target; this layer adds what Stateless has no notion of: roles on every transition, and three
/// answers instead of two (permitted; forbidden for this role or actor, 403; not permitted now, 422, naming the
/// unmet conditions). Every trigger carries <see cref="TriggerArguments"/>; the role is one more guard.
/// </summary>
/// <remarks>
/// The claim's status lives in its row, not here. The transition table below is the one source; each call builds
/// a Stateless machine over it whose state accessor reads a local holding the row's status (Stateless's own
/// pattern of a machine per object, state kept outside). Nothing is shared between calls, so one configuration
/// serves every claim on every thread.
/// </remarks>
public sealed class ClaimStateMachine
{
    private readonly List<ClaimTransition> transitions = [];
    private readonly Dictionary<(ClaimStatus, ClaimTrigger), List<ClaimTransition>> bySourceAndTrigger = [];
    private readonly Dictionary<ClaimStatus, ClaimTrigger[]> triggersFrom = [];

    public IReadOnlyList<ClaimTransition> Transitions => transitions;

    public StateConfiguration Configure(ClaimStatus state) => new(this, state);

    /// <summary>Stateless's description of the configuration, for the diagram.</summary>
    public StateMachineInfo GetInfo() => new Built(this, ClaimStatus.Draft).Machine.GetInfo();

    /// <summary>A Stateless machine over the table, its state held in a local set to the claim's status.</summary>
    private sealed class Built
    {
        private ClaimStatus state;

        public Built(ClaimStateMachine table, ClaimStatus from)
        {
            state = from;
            Machine = new StateMachine<ClaimStatus, ClaimTrigger>(() => state, s => state = s, FiringMode.Immediate);
            foreach (var trigger in Enum.GetValues<ClaimTrigger>())
                Triggers[trigger] = Machine.SetTriggerParameters<TriggerArguments>(trigger);
            foreach (var status in Enum.GetValues<ClaimStatus>())
                Machine.Configure(status);
            foreach (var t in table.transitions)
            {
                var roles = t.Roles;
                var guards = t.Conditions
                    .Select(c => Tuple.Create<Func<TriggerArguments, bool>, string>(a => c.Holds(a.Facts), c.Description))
                    .Prepend(Tuple.Create<Func<TriggerArguments, bool>, string>(a => roles.Contains(a.Role), roles.ToString()))
                    .ToArray();
                var configured = Machine.Configure(t.Source);
                if (t.IsReentry) configured.PermitReentryIf(Triggers[t.Trigger], guards);
                else configured.PermitIf(Triggers[t.Trigger], t.Target, guards);
            }
        }

        public StateMachine<ClaimStatus, ClaimTrigger> Machine { get; }

        public Dictionary<ClaimTrigger, StateMachine<ClaimStatus, ClaimTrigger>.TriggerWithParameters<TriggerArguments>> Triggers { get; } = [];

        public ClaimStatus State => state;
    }

    /// <summary>
    /// Not configured from this status → not permitted; configured, but not for this role or actor → forbidden
    /// (the role is looked at before any guard); a condition unmet → not permitted, saying which.
    /// </summary>
    public TransitionDecision Decide(ClaimStatus from, ClaimTrigger trigger, Role role, GuardContext ctx)
    {
        var built = new Built(this, from);
        var refusal = Evaluate(built, from, trigger, role, ctx, out var args);
        if (refusal is not null)
            return refusal;
        built.Machine.Fire(built.Triggers[trigger], args!);
        return new TransitionDecision(TransitionOutcome.Permitted, built.State, null);
    }

    public IReadOnlyList<ClaimTrigger> PermittedTriggers(ClaimStatus from, Role role, GuardContext ctx)
    {
        if (!triggersFrom.TryGetValue(from, out var candidates)) return [];
        var built = new Built(this, from);
        return candidates.Where(t => Evaluate(built, from, t, role, ctx, out _) is null).ToList();
    }

    /// <summary>Null when the trigger may be fired; otherwise the refusal.</summary>
    private TransitionDecision? Evaluate(Built built, ClaimStatus from, ClaimTrigger trigger, Role role, GuardContext ctx, out TriggerArguments? args)
    {
        args = null;
        if (!bySourceAndTrigger.TryGetValue((from, trigger), out var configured))
            return Refuse(TransitionOutcome.NotPermitted, $"当前状态（{StateName(from)}）下不能执行“{TriggerName(trigger)}”");

        var mine = configured.Where(t => t.Roles.Contains(role)).ToList();
        if (mine.Count == 0)
            return Refuse(TransitionOutcome.Forbidden, $"角色“{ClaimNames.Of(role)}”不能在当前状态（{StateName(from)}）下执行“{TriggerName(trigger)}”");

        args = new TriggerArguments(role, ctx);
        if (built.Machine.CanFire(built.Triggers[trigger], args, out var unmetGuards))
            return null;
        var unmet = unmetGuards ?? [];

        // Stateless names the unmet guards of every branch of the trigger; tell only those of this role's branches,
        // and never a selector (it only says the other branch was not taken).
        var told = mine.SelectMany(t => t.Conditions)
            .Where(c => c.Kind != ConditionKind.SelectsTarget && unmet.Contains(c.Description))
            .DistinctBy(c => c.Description)
            .ToList();
        if (told.FirstOrDefault(c => c.Kind == ConditionKind.Actor) is { } notYou)
            return Refuse(TransitionOutcome.Forbidden, $"不能执行“{TriggerName(trigger)}”：{notYou.Description}");

        var why = told.Count > 0 ? string.Join("；", told.Select(c => c.Description)) : "没有满足条件的目标状态";
        return Refuse(TransitionOutcome.NotPermitted, $"不能执行“{TriggerName(trigger)}”，条件未满足：{why}",
            told.FirstOrDefault(c => c.Code is not null)?.Code);
    }

    private static TransitionDecision Refuse(TransitionOutcome outcome, string message, string? code = null) => new(outcome, null, message, code);

    private static string StateName(ClaimStatus s) => $"{ClaimNames.Of(s)}（{EnumCodes.ToCode(s)}）";

    private static string TriggerName(ClaimTrigger t) => $"{ClaimNames.Of(t)}（{EnumCodes.ToCode(t)}）";

    private void Add(ClaimTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition.Roles);
        transitions.Add(transition);
        var key = (transition.Source, transition.Trigger);
        if (!bySourceAndTrigger.TryGetValue(key, out var list))
            bySourceAndTrigger[key] = list = [];
        list.Add(transition);
        triggersFrom[transition.Source] = bySourceAndTrigger.Keys
            .Where(k => k.Item1 == transition.Source).Select(k => k.Item2).Order().ToArray();
    }

    /// <summary>Configures one status, Stateless-style; every method takes the roles, and the conditions as (guard, description) pairs.</summary>
    public sealed class StateConfiguration
    {
        private readonly ClaimStateMachine owner;
        private readonly ClaimStatus state;

        internal StateConfiguration(ClaimStateMachine owner, ClaimStatus state)
        {
            this.owner = owner;
            this.state = state;
        }

        public StateConfiguration Permit(ClaimTrigger trigger, ClaimStatus target, AllowedRoles by, params Condition[] conditions)
        {
            owner.Add(new ClaimTransition(state, trigger, target, by, conditions));
            return this;
        }

        public StateConfiguration PermitReentry(ClaimTrigger trigger, AllowedRoles by, params Condition[] conditions) =>
            Permit(trigger, state, by, conditions);
    }
}
