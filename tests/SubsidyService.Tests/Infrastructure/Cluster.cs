namespace SubsidyService.Tests.Infrastructure;

/// <summary>N service nodes on one database, started at the same moment (as a rolling deploy would not, and a cold start would).</summary>
public sealed class Cluster : IAsyncDisposable
{
    public IReadOnlyList<SubsidyApp> Nodes { get; }

    private Cluster(IReadOnlyList<SubsidyApp> nodes) => Nodes = nodes;

    /// <param name="node">Builds node i (settings, services of its own); default: a plain node.</param>
    public static async Task<Cluster> StartAsync(string connectionString, int nodes = 2, Func<int, SubsidyApp>? node = null)
    {
        var apps = Enumerable.Range(0, nodes).Select(i => node?.Invoke(i) ?? new SubsidyApp(connectionString)).ToList();
        await Task.WhenAll(apps.Select(a => Task.Run(() => a.Server)));
        return new Cluster(apps);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var n in Nodes) await n.DisposeAsync();
    }
}
