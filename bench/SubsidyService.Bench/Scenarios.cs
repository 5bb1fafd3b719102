using SubsidyService.Bench.Scenarios;

namespace SubsidyService.Bench;

/// <summary>Every scenario, in the order a full run takes them. A new scenario is one file under Scenarios/ and one line here.</summary>
public static class ScenarioRegistry
{
    public static readonly IReadOnlyList<IScenario> All =
    [
        new IntakeScenario(),     // also reports "memory": the service's peak RSS during intake
        new ScreeningScenario(),
        new EstimateScenario(),
        new LettersScenario(),
        new PayoutScenario(),
        new DomainScenario(),
    ];
}
