using System.Text;

namespace SubsidyService.Domain.Claims;

/// <summary>
/// Writes a machine as a Mermaid <c>stateDiagram-v2</c>. The text is sorted (enum order of source, trigger,
/// target) so it can be kept as a golden file and any change to the workflow shows up as a diff.
/// </summary>
public static class MermaidWriter
{
    public static string Write<TState, TTrigger, TRole, TContext>(
        StateMachine<TState, TTrigger, TRole, TContext> machine,
        TState initial,
        Func<TState, string> stateId,
        Func<TState, string> stateLabel,
        Func<TTrigger, string> triggerName,
        Func<TRole, string> roleName)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TRole : struct, Enum
    {
        var sb = new StringBuilder();
        sb.Append("stateDiagram-v2\n");
        foreach (var state in Enum.GetValues<TState>())
            sb.Append("    ").Append(stateId(state)).Append(" : ").Append(stateLabel(state)).Append('\n');

        sb.Append("    [*] --> ").Append(stateId(initial)).Append('\n');

        var ordered = machine.Transitions
            .OrderBy(t => Convert.ToInt32(t.Source))
            .ThenBy(t => Convert.ToInt32(t.Trigger))
            .ThenBy(t => Convert.ToInt32(t.Target));
        foreach (var t in ordered)
        {
            var label = new StringBuilder(triggerName(t.Trigger));
            label.Append(" [").Append(string.Join(", ", t.Roles.OrderBy(r => Convert.ToInt32(r)).Select(roleName))).Append(']');
            if (machine.ActorRestrictions.TryGetValue(t.Trigger, out var restriction))
                label.Append(" (").Append(restriction.Description).Append(')');
            if (t.Guards.Count > 0)
                label.Append(" 当 ").Append(string.Join(" 且 ", t.Guards.Select(g => g.Description)));

            sb.Append("    ").Append(stateId(t.Source)).Append(" --> ").Append(stateId(t.Target))
              .Append(" : ").Append(label).Append('\n');
        }

        var withExits = machine.Transitions.Where(t => !t.IsReentry).Select(t => t.Source).ToHashSet();
        foreach (var state in Enum.GetValues<TState>().Where(s => !withExits.Contains(s)))
            sb.Append("    ").Append(stateId(state)).Append(" --> [*]\n");

        return sb.ToString();
    }
}
