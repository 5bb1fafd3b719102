namespace SubsidyService.Bench;

/// <summary>The harness's command line: <c>[--quick] [--scenario a,b] [--list]</c>.</summary>
public sealed record Options(bool Quick, IReadOnlyList<string>? Scenarios, bool List)
{
    public const string Usage = "usage: SubsidyService.Bench [--quick] [--scenario name[,name…]] [--list]";

    /// <summary>A full run: every scenario of the full run, at full size. Only such a run replaces bench/results/latest.json.</summary>
    public bool IsFullRun => !Quick && Scenarios is null;

    /// <summary>Null when the arguments are not understood.</summary>
    public static Options? Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        var list = false;
        List<string>? scenarios = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--list":
                    list = true;
                    break;
                case "--scenario" or "--only" when i + 1 < args.Count:
                    scenarios ??= [];
                    scenarios.AddRange(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                default:
                    return null;
            }
        }
        return new Options(quick, scenarios, list);
    }

    public IReadOnlyList<IScenario>? Selected()
    {
        if (Scenarios is null) return ScenarioRegistry.All.Where(s => s.InFullRun).ToList();
        var chosen = Scenarios.Select(n => ScenarioRegistry.All.FirstOrDefault(s => s.Name == n)).ToList();
        return chosen.Any(s => s is null) ? null : chosen.OfType<IScenario>().ToList();
    }
}
