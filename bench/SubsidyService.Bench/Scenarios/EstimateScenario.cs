using System.Net;

namespace SubsidyService.Bench.Scenarios;

/// <summary>
/// <c>POST /api/v1/estimate</c> by 32 clients against the framework's floor: an endpoint of the same service process,
/// behind the same middleware and rate-limit policy, that reads the same request and answers the same bytes without
/// doing the estimate's work (mapped only with <c>Bench:FloorEndpoint=true</c>; see Policy/EstimateFloor.cs).
/// Floor and estimate are measured in turns, twice each, so a change in the machine's load falls on both.
/// </summary>
public sealed class EstimateScenario : IScenario
{
    private const int Clients = 32;
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromMinutes(2);

    public string Name => "estimate";
    public string Description => "POST /api/v1/estimate by 32 clients against an endpoint of the same host answering the same bytes";
    public bool InFullRun => true;

    public async Task<IReadOnlyList<Metric>> RunAsync(BenchContext context)
    {
        var (warmup, perTurn) = context.Quick ? (1_000, 2_000) : (3_000, 8_000);
        await using var service = await ServiceProcess.StartAsync(context.RepositoryRoot, new Dictionary<string, string>
        {
            ["Bench__FloorEndpoint"] = "true",
        });
        using var client = Api.Client(service.BaseUrl);
        var body = Api.Json(Api.Facts());
        var answer = await Api.SendAsync(client, HttpMethod.Post, "/api/v1/estimate", body, HttpStatusCode.OK);
        await Api.SendAsync(client, HttpMethod.Put, "/api/v1/bench/estimate-floor", answer, HttpStatusCode.NoContent);
        var floorAnswer = await Api.SendAsync(client, HttpMethod.Post, "/api/v1/bench/estimate-floor", body, HttpStatusCode.OK);
        if (!floorAnswer.AsSpan().SequenceEqual(answer)) throw new InvalidOperationException("the floor does not answer the estimate's bytes");

        Task Estimate(int i, int c, CancellationToken ct) => Api.SendAsync(client, HttpMethod.Post, "/api/v1/estimate", body, HttpStatusCode.OK, ct);
        Task Floor(int i, int c, CancellationToken ct) => Api.SendAsync(client, HttpMethod.Post, "/api/v1/bench/estimate-floor", body, HttpStatusCode.OK, ct);
        await ClosedLoop.RunAsync("warm-up floor", warmup, Clients, MaxRunTime, Floor);
        await ClosedLoop.RunAsync("warm-up estimate", warmup, Clients, MaxRunTime, Estimate);

        var floors = new List<ClosedLoop.Result>();
        var estimates = new List<ClosedLoop.Result>();
        for (var turn = 0; turn < 2; turn++)
        {
            floors.Add(await ClosedLoop.RunAsync("floor", perTurn, Clients, MaxRunTime, Floor));
            estimates.Add(await ClosedLoop.RunAsync("estimate", perTurn, Clients, MaxRunTime, Estimate));
        }

        double Rate(List<ClosedLoop.Result> runs) => runs.Sum(r => r.Operations) / runs.Sum(r => r.Wall.TotalSeconds);
        var estimateRate = Rate(estimates);
        var floorRate = Rate(floors);
        var metrics = new List<Metric>
        {
            Metric.Against(Name, "requests_per_s", estimateRate, "req/s", floorRate, 0.5,
                $"{estimates.Sum(r => r.Operations):N0} estimates by {Clients} clients, in two turns alternating with the floor " +
                $"({floors.Sum(r => r.Operations):N0} requests): same host and pipeline, same request, same {answer.Length:N0}-byte answer"),
            Metric.Info(Name, "p99", estimates.Max(r => r.Latency.P99Ms), "ms",
                $"the worse turn's p99 at {Clients} clients; the floor's: {floors.Max(r => r.Latency.P99Ms):0.00} ms"),
        };
        var errors = estimates.Concat(floors).Sum(r => r.Errors);
        if (errors > 0)
            metrics.Add(Metric.Failed(Name, "errors", $"{errors} failed request(s): {estimates.Concat(floors).First(r => r.FirstError is not null).FirstError}"));
        return metrics;
    }
}
