namespace SubsidyService.Bench;

/// <summary>The harness's command line: <c>[--quick] [--only pure|http|letters|payout]</c>.</summary>
public sealed record Options(bool Quick, string Only)
{
    public const string Usage = "usage: SubsidyService.Bench [--quick] [--only pure|http|letters|payout]";

    public bool RunsPure => Only is "all" or "pure";
    public bool RunsHttp => Only is "all" or "http";
    public bool RunsLetters => Only is "all" or "letters";
    public bool RunsPayout => Only is "all" or "payout";

    /// <summary>Ready claims in the payout batch.</summary>
    public int PayoutClaims => Quick ? 20_000 : 100_000;

    /// <summary>Null when the arguments are not understood.</summary>
    public static Options? Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        var only = "all";
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--only" when i + 1 < args.Count && args[i + 1] is "pure" or "http" or "letters" or "payout":
                    only = args[++i];
                    break;
                default:
                    return null;
            }
        }
        return new Options(quick, only);
    }

    /// <summary>A second of warm-up even when quick: after 0.3 s the JIT had not reached its optimised tier and figures came out 2–4 times slower.</summary>
    public InProcessRunner.Settings PureSettings => Quick
        ? new InProcessRunner.Settings(WarmupTime: TimeSpan.FromSeconds(1), WarmupBatches: 5, MeasuredBatches: 30, BatchTime: TimeSpan.FromMilliseconds(2), MaxMeasuredTime: TimeSpan.FromSeconds(3))
        : new InProcessRunner.Settings(WarmupTime: TimeSpan.FromSeconds(1), WarmupBatches: 20, MeasuredBatches: 200, BatchTime: TimeSpan.FromMilliseconds(5), MaxMeasuredTime: TimeSpan.FromSeconds(15));

    /// <summary>Two threads: the machine's cores; the figure shows how far one renderer shared by two requests scales.</summary>
    public LetterBenchmarks.Settings LetterSettings => Quick
        ? new LetterBenchmarks.Settings(PureSettings with { BatchTime = TimeSpan.FromMilliseconds(20) }, TimeSpan.FromSeconds(2), Threads: 2)
        : new LetterBenchmarks.Settings(PureSettings with { BatchTime = TimeSpan.FromMilliseconds(50), MeasuredBatches = 60 }, TimeSpan.FromSeconds(5), Threads: 2);

    public HttpBenchmarks.Sizes HttpSizes => Quick
        ? new HttpBenchmarks.Sizes(Warmup: 50, Estimates: 400, EstimateClients: 8, Logins: 3, Claims: 40, Reads: 200, ReadClients: 1, MaxTimeEach: TimeSpan.FromSeconds(60))
        : new HttpBenchmarks.Sizes(Warmup: 200, Estimates: 2_000, EstimateClients: 8, Logins: 10, Claims: 200, Reads: 1_000, ReadClients: 1, MaxTimeEach: TimeSpan.FromSeconds(180));
}
