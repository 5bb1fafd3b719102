namespace SubsidyService.Bench;

/// <summary>What every scenario gets: where the repository is, and whether this is a quick run.</summary>
public sealed record BenchContext(string RepositoryRoot, bool Quick);

/// <summary>
/// One benchmark scenario: it starts what it needs (usually its own service process on a fresh database), measures,
/// and returns its metrics. A scenario that throws is reported as failed and the run goes on with the next.
/// </summary>
public interface IScenario
{
    /// <summary>The name on the command line and in the results (<c>intake</c>, <c>screening</c>, …).</summary>
    string Name { get; }

    /// <summary>One line for <c>--list</c>.</summary>
    string Description { get; }

    /// <summary>Whether a run without <c>--scenario</c> includes it.</summary>
    bool InFullRun { get; }

    Task<IReadOnlyList<Metric>> RunAsync(BenchContext context);
}
