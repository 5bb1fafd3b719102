using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace SubsidyService.Bench.Scenarios;

/// <summary>
/// A 1,000,000-row external funding register imported over HTTP (in files of 50,000 rows, the most one import takes),
/// then 10,000 drafts submitted and screened against it. The screening step's own time is the service's: it logs
/// "Screening of claim … took … ms" at Debug (Claims/Triggers/ScreeningEffect), which this run switches on for that category only.
/// </summary>
public sealed partial class ScreeningScenario : IScenario
{
    private sealed record Sizes(int Files, int RowsPerFile, int Submissions);

    private static readonly Sizes Full = new(Files: 20, RowsPerFile: 50_000, Submissions: 10_000);
    private static readonly Sizes Quick = new(Files: 4, RowsPerFile: 25_000, Submissions: 2_000);

    private const int Clients = 8;
    private const int Applicants = 8;
    /// <summary>One draft in this many is for a case on the register, so the step also raises flags.</summary>
    private const int MatchEvery = 100;

    public string Name => "screening";
    public string Description => "a 1,000,000-row register imported over HTTP, then 10,000 submissions screened against it";
    public bool InFullRun => true;

    public async Task<IReadOnlyList<Metric>> RunAsync(BenchContext context)
    {
        var sizes = context.Quick ? Quick : Full;
        await using var service = await ServiceProcess.StartAsync(context.RepositoryRoot, new Dictionary<string, string>
        {
            ["Logging__LogLevel__SubsidyService.Claims.SubmissionScreening"] = "Debug",
        });
        var steps = new ConcurrentBag<double>();
        service.Line += line =>
        {
            var m = ScreeningLine().Match(line);
            if (m.Success) steps.Add(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1000); // µs, as Statistics takes them
        };
        await using var db = await service.OpenSuperuserAsync();
        using var anonymous = Api.Client(service.BaseUrl);
        using var verifier = Api.Client(service.BaseUrl, await Api.TokenAsync(anonymous, "verifier.demo", "Demo#2026"));

        // The import: every file made before the clock starts; the files go one after another, as a verifier would send them.
        var files = Enumerable.Range(0, sizes.Files).Select(f => RegisterFile(f * sizes.RowsPerFile, sizes.RowsPerFile)).ToList();
        var importClock = Stopwatch.StartNew();
        foreach (var file in files)
            await Api.SendAsync(verifier, HttpMethod.Post, "/api/v1/registers/external-funding", file, HttpStatusCode.OK, contentType: "text/csv");
        var importSeconds = importClock.Elapsed.TotalSeconds;
        var totalRows = sizes.Files * sizes.RowsPerFile;
        Console.WriteLine($"   imported {totalRows:N0} register rows in {files.Count} files: {importSeconds:0.0} s");

        // The drafts are put in place directly (their creation is the intake scenario's); each is then submitted over HTTP.
        var tokens = new List<string>();
        var usernames = new List<string>();
        for (var i = 0; i < Applicants; i++)
        {
            usernames.Add($"screening{i}.{Guid.NewGuid().ToString("N")[..6]}");
            tokens.Add(await Api.NewApplicantAsync(anonymous, usernames[^1]));
        }
        var drafts = await SeedDraftsAsync(db, usernames, sizes.Submissions, totalRows);
        var clients = tokens.Select(t => Api.Client(service.BaseUrl, t)).ToList();

        // First a few alone, so the step's own cost shows apart from waiting for a core; then the rest by 8 clients at once.
        var alone = sizes.Submissions / 20;
        Task Submit(int i, CancellationToken ct) => Api.SubmitAsync(clients[drafts[i].Owner], drafts[i].Id, 1, ct);
        steps.Clear();
        var single = await ClosedLoop.RunAsync("submissions, one client", alone, 1, TimeSpan.FromMinutes(2), (i, _, ct) => Submit(i, ct));
        await Task.Delay(500); // the last log lines
        var stepAlone = Statistics.Of(steps.ToList());
        steps.Clear();
        var submissions = await ClosedLoop.RunAsync("submissions", sizes.Submissions - alone, Clients, TimeSpan.FromMinutes(5), (i, _, ct) => Submit(alone + i, ct));
        await Task.Delay(500);
        foreach (var c in clients) c.Dispose();

        var step = Statistics.Of(steps.ToList());
        var flagged = await Seeder.CountAsync(db, "SELECT count(DISTINCT claim_id) FROM screening_flags WHERE code = 'external_funding_match'");
        var expectedFlags = drafts.Count(d => d.OnRegister);
        var metrics = new List<Metric>
        {
            Metric.AtMost(Name, "import_s", importSeconds, "s", 30,
                $"{totalRows:N0} rows as {files.Count} CSV files of {sizes.RowsPerFile:N0} (the most one import takes) over HTTP, one after another: " +
                $"parse, check every row, skip rows already known, COPY, screen live claims again; {totalRows / importSeconds:N0} rows/s"),
            Metric.AtMost(Name, "step_p99", step.P99Ms, "ms", 2,
                $"the screening step of {step.Count:N0} submissions (SubmissionScreening: invoices, advisory locks, live claims, register rows, decision, flags) " +
                $"as the service timed it, {Clients} clients submitting; {expectedFlags} of the drafts are for a case on the register"),
            Metric.Info(Name, "step_p50", step.MedianMs, "ms", "median of the same"),
            Metric.Info(Name, "step_p99_alone", stepAlone.P99Ms, "ms",
                $"the step's p99 over the first {stepAlone.Count:N0} submissions, made one at a time (median {stepAlone.MedianMs:0.000} ms): its cost without waiting for a core"),
            Metric.Info(Name, "submit_p99", submissions.Latency.P99Ms, "ms",
                $"the whole submit request as its client saw it (median {submissions.Latency.MedianMs:0.00} ms, {submissions.PerSecond:0} submissions/s)"),
        };
        if (submissions.Errors + single.Errors > 0 || flagged != expectedFlags || step.Count < submissions.Operations)
            metrics.Add(Metric.Failed(Name, "errors",
                $"{submissions.Errors + single.Errors} failed submission(s) ({submissions.FirstError ?? single.FirstError}); {flagged} claims flagged, {expectedFlags} expected; {step.Count} step timings for {submissions.Operations} submissions"));
        return metrics;
    }

    /// <summary>Rows <paramref name="first"/> … of the register, each a case of its own; the same text every run.</summary>
    private static byte[] RegisterFile(int first, int rows)
    {
        var csv = new StringBuilder(rows * 96);
        csv.Append("source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\n");
        for (var r = first; r < first + rows; r++)
            csv.Append(CultureInfo.InvariantCulture, $"市知识产权局,市级,某某科技有限公司{r},,(2022)沪73知民初{r}号,{1000 + r % 9000}.00,2023-0{1 + r % 9}-15,专利维权资助\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private sealed record Draft(Guid Id, int Owner, bool OnRegister);

    /// <summary>Drafts owned in turn by the applicants, each with its own invoice; one in <see cref="MatchEvery"/> for a case on the register.</summary>
    private static async Task<List<Draft>> SeedDraftsAsync(NpgsqlConnection db, List<string> usernames, int count, int registerRows)
    {
        var owners = new List<Guid>();
        foreach (var name in usernames)
        {
            await using var find = new NpgsqlCommand("SELECT id FROM users WHERE username = $1", db);
            find.Parameters.AddWithValue(name);
            owners.Add((Guid)(await find.ExecuteScalarAsync())!);
        }
        await using var tx = await db.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("""
            WITH d AS (
                SELECT n, ('d0000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid AS id, ($1::uuid[])[1 + n % cardinality($1::uuid[])] AS owner,
                       CASE WHEN n % $3 = 0 THEN '(2022)沪73知民初' || (n * 7919 % $4) || '号' ELSE '(2024)浙03民初' || n || '号' END AS case_number,
                       '5' || lpad(n::text, 10, '0') AS invoice
                FROM generate_series(1, $2) n),
            c AS (
                INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                    case_number, canonical_case_number, policy_version, amount, created_at, updated_at)
                SELECT id, owner, 'draft', 1,
                       jsonb_build_object('applicantType', 'natural_person', 'name', '张明', 'idNumber', $5::text, 'domicileInCounty', true,
                           'caseNumber', case_number, 'court', '宁波市中级人民法院', 'caseType', 'patent_infringement', 'outcome', 'won',
                           'judgmentEffectiveDate', '2024-05-20', 'foreignRelated', false, 'majorImpact', false, 'agencyFee', '8000.00',
                           'invoices', jsonb_build_array(jsonb_build_object('number', invoice, 'amount', '8000.00', 'issuedOn', '2024-03-01')),
                           'otherFunding', '[]'::jsonb),
                       '{"bankName":"中国工商银行某县支行","accountName":"张明","accountNumber":"6222021234567890"}'::jsonb,
                       'natural_person', '张明', $5::text, case_number, case_number, '2023-item13', 4000.00, now(), now()
                FROM d ORDER BY n
                RETURNING id)
            , i AS (
                INSERT INTO claim_invoices (claim_id, position, number_digits, invoice_key, amount)
                SELECT id, 0, invoice, invoice, 8000.00 FROM d ORDER BY n)
            INSERT INTO claim_case_numbers (claim_id, canonical, is_primary)
            SELECT id, case_number, true FROM d ORDER BY n
            """, db, tx))
        {
            cmd.Parameters.AddWithValue(owners.ToArray());
            cmd.Parameters.AddWithValue(count);
            cmd.Parameters.AddWithValue(MatchEvery);
            cmd.Parameters.AddWithValue(registerRows);
            cmd.Parameters.AddWithValue(Api.PersonId);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await Seeder.AnalyzeAsync(db);
        return Enumerable.Range(1, count)
            .Select(n => new Draft(Guid.Parse($"d0000000-0000-4000-8000-{n:x12}"), n % owners.Count, n % MatchEvery == 0))
            .ToList();
    }

    [GeneratedRegex(@"Screening of claim \S+ took ([0-9.]+) ms")]
    private static partial Regex ScreeningLine();
}
