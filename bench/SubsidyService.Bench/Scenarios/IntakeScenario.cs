namespace SubsidyService.Bench.Scenarios;

/// <summary>
/// Claims created and submitted over HTTP by 32 applicants at once (each waits for its answer before the next
/// request), first on a database holding about 1,000 claims, then on one holding 100,000, against pgbench running the
/// same SQL statements per claim on the same cluster. Also reports <c>memory</c>: the service's peak RSS meanwhile.
/// </summary>
public sealed class IntakeScenario : IScenario
{
    private sealed record Sizes(int SmallBase, int SmallRun, int LargeBase, int LargeRun, int Warmup, int PgbenchSeconds);

    private static readonly Sizes Full = new(SmallBase: 1_000, SmallRun: 2_000, LargeBase: 100_000, LargeRun: 20_000, Warmup: 320, PgbenchSeconds: 30);
    private static readonly Sizes Quick = new(SmallBase: 1_000, SmallRun: 500, LargeBase: 10_000, LargeRun: 1_000, Warmup: 96, PgbenchSeconds: 10);

    public const int Clients = 32;
    // Bounds the full run (well under 10 minutes) even when the rate falls with the table's size.
    private static readonly TimeSpan MaxRunTime = TimeSpan.FromMinutes(4);

    public string Name => "intake";
    public string Description => "claims created and submitted over HTTP by 32 applicants at once, at 1,000 and 100,000 existing claims, against pgbench";
    public bool InFullRun => true;

    public async Task<IReadOnlyList<Metric>> RunAsync(BenchContext context)
    {
        var sizes = context.Quick ? Quick : Full;
        await using var service = await ServiceProcess.StartAsync(context.RepositoryRoot, new Dictionary<string, string>
        {
            // Each client submits its draft before the next one; the quota is raised only so a failed submission cannot stop a client.
            ["Claims__MaxDraftsPerApplicant"] = "1000000",
        });
        await using var db = await service.OpenSuperuserAsync();
        await Seeder.SeedApplicantsAsync(db);
        var seeded = await SeedUpToAsync(db, 0, sizes.SmallBase);

        using var anonymous = Api.Client(service.BaseUrl);
        var tokens = new List<string>();
        for (var i = 0; i < Clients; i++)
            tokens.Add(await Api.NewApplicantAsync(anonymous, $"intake{i:D2}.{Guid.NewGuid().ToString("N")[..6]}"));
        var clients = tokens.Select(t => Api.Client(service.BaseUrl, t)).ToList();
        var next = 0;
        Func<int, int, CancellationToken, Task> claim = (_, c, ct) =>
        {
            var k = Interlocked.Increment(ref next);
            return Api.CreateAndSubmitAsync(clients[c], Api.ClaimBody($"（2024）浙02民初{k}号", $"7{k:D10}"), ct);
        };

        ClosedLoop.Result small, large;
        double peakMb;
        await using (var rss = new RssSampler(service.ResidentBytes))
        {
            await ClosedLoop.RunAsync("warm-up", sizes.Warmup, Clients, MaxRunTime, claim);
            var atSmall = await Seeder.CountAsync(db, "SELECT count(*) FROM claims");
            small = await ClosedLoop.RunAsync($"intake at {atSmall:N0} claims", sizes.SmallRun, Clients, MaxRunTime, claim);

            var existing = await Seeder.CountAsync(db, "SELECT count(*) FROM claims");
            seeded = await SeedUpToAsync(db, seeded, seeded + (int)Math.Max(0, sizes.LargeBase - existing));
            var atLarge = await Seeder.CountAsync(db, "SELECT count(*) FROM claims");
            large = await ClosedLoop.RunAsync($"intake at {atLarge:N0} claims", sizes.LargeRun, Clients, MaxRunTime, claim);
            peakMb = rss.PeakMegabytes;
        }
        foreach (var c in clients) c.Dispose();

        var (reference, referenceError) = await PgbenchAsync(service, "intake.pgbench.sql", "extended", sizes.PgbenchSeconds,
            "the same statements per claim, one round trip each");
        var (compound, compoundError) = await PgbenchAsync(service, "intake.compound.pgbench.sql", "simple", sizes.PgbenchSeconds,
            "the same statements, each transaction and each answer's reads as one compound statement (6 round trips a claim)");

        await ExplainScreeningAsync(db);

        var errors = small.Errors + large.Errors;
        var metrics = new List<Metric>
        {
            Metric.Against(Name, "claims_per_s", large.PerSecond, "claims/s", reference.PerSecond, 0.40,
                $"{large.Operations:N0} claims (create + submit, 2 requests each) by {Clients} clients on {sizes.LargeBase:N0} existing claims" +
                (large.StoppedAtTimeLimit ? $" (of {sizes.LargeRun:N0}: stopped at the {MaxRunTime.TotalMinutes:0}-minute limit)" : "") + "; " +
                $"reference: pgbench, the same SQL per claim in the same transactions, {Clients} clients, {sizes.PgbenchSeconds} s, same cluster ({reference.Runs:N0} claims)"),
            Metric.Beside(Name, "claims_per_s_vs_compound", large.PerSecond, "claims/s", compound.PerSecond,
                $"the same claims/s as claims_per_s, beside the lower bound: pgbench running the same statements with each transaction " +
                $"(BEGIN to COMMIT) and each answer's five reads sent as one compound statement, as batches would send them " +
                $"(intake.compound.pgbench.sql, -M simple), {Clients} clients, {sizes.PgbenchSeconds} s, same cluster ({compound.Runs:N0} claims; " +
                $"median {compound.Latency.MedianMs:0.0} ms, p99 {compound.Latency.P99Ms:0.0} ms)"),
            Metric.AtMost(Name, "p99", large.Latency.P99Ms, "ms", 50,
                $"one claim as its client waits for it: create then submit; pgbench's p99 for the same SQL: {reference.Latency.P99Ms:0.0} ms"),
            Metric.Info(Name, "p50", large.Latency.MedianMs, "ms", $"median of the same; pgbench's: {reference.Latency.MedianMs:0.0} ms"),
            Metric.Against(Name, "flat", large.PerSecond, "claims/s", small.PerSecond, 0.9,
                $"the rate at {sizes.LargeBase:N0} existing claims over the rate at {sizes.SmallBase:N0} ({small.Operations:N0} claims, same clients)"),
            Metric.AtMost("memory", "peak_rss", peakMb, "MB", 400,
                "the service process's peak resident set during intake (sampled every 50 ms; PostgreSQL's processes not included)"),
        };
        if (errors > 0 || reference.Failed > 0 || compound.Failed > 0)
            metrics.Add(Metric.Failed(Name, "errors",
                $"{errors} failed claim(s) over HTTP, {reference.Failed} failed pgbench run(s), {compound.Failed} failed compound pgbench run(s): " +
                $"{small.FirstError ?? large.FirstError ?? referenceError ?? compoundError}"));
        return metrics;
    }

    /// <summary>One pgbench reference on the service's cluster; a pgbench that cannot run counts as one failed run, with its message.</summary>
    private static async Task<(Pgbench.Result Result, string? Error)> PgbenchAsync(ServiceProcess service, string scriptName, string queryMode,
        int seconds, string what)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Scenarios", scriptName);
        Console.WriteLine($"   pgbench ({scriptName}): {what}, {Clients} clients, {seconds} s…");
        Pgbench.Result result;
        string? error = null;
        try
        {
            result = await Pgbench.RunAsync(service.SuperuserConnectionString(), script, Clients, seconds, queryMode);
        }
        catch (InvalidOperationException ex)
        {
            error = ex.Message;
            result = new Pgbench.Result(0, TimeSpan.Zero, double.NaN, Statistics.Of([]), 1);
        }
        Console.WriteLine($"   pgbench ({scriptName}): {result.Runs} claims, {result.PerSecond:0.0}/s, median {result.Latency.MedianMs:0.00} ms, " +
            $"p99 {result.Latency.P99Ms:0.00} ms, {result.Failed} failed");
        return (result, error);
    }

    /// <summary>
    /// The plan of the submission's live-claims query (SubmissionScreening, as in this harness's pgbench script) for the
    /// last claim submitted, on the large database: whether it is index lookups or a scan shows in the "flat" ratio.
    /// </summary>
    private static async Task ExplainScreeningAsync(Npgsql.NpgsqlConnection db)
    {
        string id, canonical, invoice;
        await using (var last = new Npgsql.NpgsqlCommand("""
            SELECT c.id::text, c.canonical_case_number, i.invoice_key FROM claims c JOIN claim_invoices i ON i.claim_id = c.id
            WHERE c.status = 'submitted' ORDER BY c.submitted_at DESC LIMIT 1
            """, db))
        await using (var row = await last.ExecuteReaderAsync())
        {
            if (!await row.ReadAsync()) return;
            (id, canonical, invoice) = (row.GetString(0), row.GetString(1), row.GetString(2));
        }
        await using var cmd = new Npgsql.NpgsqlCommand("""
            EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
            SELECT c.id, c.id_number, c.status,
                   ARRAY(SELECT n.canonical FROM claim_case_numbers n WHERE n.claim_id = c.id ORDER BY n.canonical) AS casenumbers,
                   ARRAY(SELECT i.invoice_key FROM claim_invoices i WHERE i.claim_id = c.id ORDER BY i.position) AS invoices
            FROM claims c
            WHERE c.id IN (SELECT claim_id FROM claim_case_numbers WHERE canonical = ANY($2)
                           UNION
                           SELECT claim_id FROM claim_invoices WHERE invoice_key = ANY($3))
              AND c.id <> $1::uuid AND c.status NOT IN ('draft', 'rejected', 'withdrawn')
            ORDER BY c.id
            """, db);
        cmd.Parameters.AddWithValue(id);
        cmd.Parameters.AddWithValue(new[] { canonical });
        cmd.Parameters.AddWithValue(new[] { invoice });
        Console.WriteLine("   EXPLAIN ANALYZE of the screening's live-claims query on the large database:");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) Console.WriteLine("     " + reader.GetString(0));
    }

    /// <summary>Seeds claims numbered after <paramref name="seeded"/> up to <paramref name="to"/>; returns the new high number.</summary>
    private static async Task<int> SeedUpToAsync(Npgsql.NpgsqlConnection db, int seeded, int to)
    {
        if (to <= seeded) return seeded;
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Seeder.SeedClaimsAsync(db, seeded + 1, to);
        Console.WriteLine($"   seeded claims {seeded + 1:N0}–{to:N0} in {started.Elapsed.TotalSeconds:0.0} s");
        return to;
    }
}
