using SubsidyService.Domain.Claims;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// Refuses at start-up a declaration table the service cannot run, rather than failing on the first claim that
/// meets the gap: every trigger declared; every declared effect carried out by exactly one registered feature;
/// the applicant's message last (it is written from the event record); a bulk trigger with only effects the bulk
/// path can carry out, and no condition the bulk path cannot supply.
/// </summary>
public static class TriggerDeclarationCheck
{
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<ClaimTrigger, TriggerDeclaration> declarations,
        IEnumerable<ITransitionEffect> effects)
    {
        var problems = new List<string>();
        var byEffect = effects.GroupBy(e => e.Effect).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var trigger in Enum.GetValues<ClaimTrigger>().Where(t => !declarations.ContainsKey(t)))
            problems.Add($"{trigger}: not declared");
        foreach (var (effect, implementations) in byEffect.Where(e => e.Value.Count > 1))
            problems.Add($"{effect}: carried out by {implementations.Count} features ({string.Join(", ", implementations.Select(i => i.GetType().Name))})");

        foreach (var d in declarations.Values)
        {
            foreach (var effect in d.Effects.Where(e => !byEffect.ContainsKey(e)))
                problems.Add($"{d.Trigger}: no feature carries out {effect}");
            foreach (var effect in d.Effects.Where(e => byEffect.TryGetValue(e, out var i) && !i.All(x => x.Handles(d))))
                problems.Add($"{d.Trigger}: {effect} cannot carry out this trigger's record ({d.RecordType?.Name ?? "none"})");
            if (d.Effects.Distinct().Count() != d.Effects.Count)
                problems.Add($"{d.Trigger}: an effect is declared twice");
            if (d.Notifies && d.Effects[^1] != Effect.Notification)
                problems.Add($"{d.Trigger}: the applicant's message must come last, after the event it tells of");
            if (!d.Bulk) continue;
            foreach (var effect in d.Effects.Where(e => byEffect.TryGetValue(e, out var i) && !i.All(x => x.RunsInBulk)))
                problems.Add($"{d.Trigger}: fired in bulk, but the bulk path cannot carry out {effect}");
            foreach (var t in ClaimWorkflow.Instance.Machine.Transitions.Where(t => t.Trigger == d.Trigger))
            foreach (var c in t.Conditions.Where(c => c.ReadsEvaluation))
                problems.Add($"{d.Trigger}: fired in bulk, but its condition “{c.Description}” needs the claim's evaluation, which the bulk path does not compute");
        }
        return problems;
    }

    /// <summary>Throws at start-up with every problem named.</summary>
    public static void Assert(IReadOnlyDictionary<ClaimTrigger, TriggerDeclaration> declarations, IEnumerable<ITransitionEffect> effects)
    {
        var problems = Problems(declarations, effects);
        if (problems.Count > 0)
            throw new InvalidOperationException("The trigger declarations cannot be run: " + string.Join("; ", problems));
    }
}

/// <summary>Runs the check when the service starts, once every feature has registered its effects.</summary>
public sealed class TriggerDeclarationStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        TriggerDeclarationCheck.Assert(TriggerDeclarations.All, services.GetServices<ITransitionEffect>());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
