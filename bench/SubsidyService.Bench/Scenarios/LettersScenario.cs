using System.Diagnostics;
using SkiaSharp;
using SubsidyService.Claims;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Policy;
using SubsidyService.Letters;

namespace SubsidyService.Bench.Scenarios;

/// <summary>
/// Letters rendered in-process (<see cref="LetterRenderer.Render"/>, as the service calls it) on as many threads as the
/// machine has cores, sharing one renderer, against a bare one-page SkiaSharp PDF (one line of Latin text, its font
/// embedded whole) rendered on the same threads in the same run. Every letter is for another applicant, with its own
/// letter and case numbers, so no two letters print the same characters. Letters and bare pages run in turns, twice
/// each, so a change in the machine's load falls on both. Also the size of every letter rendered for the size check.
/// </summary>
public sealed class LettersScenario : IScenario
{
    private const string Authority = "县市场监督管理局（知识产权局）";
    private const double LettersPerSecondGoal = 500;
    private const double KilobytesGoal = 40;

    public string Name => "letters";
    public string Description => "approval letters rendered as PDF on every core, one renderer shared, against a bare one-page SkiaSharp PDF";
    public bool InFullRun => true;

    public Task<IReadOnlyList<Metric>> RunAsync(BenchContext context)
    {
        var (warmup, turn) = context.Quick ? (TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)) : (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));
        var threads = Environment.ProcessorCount;
        using var renderer = LetterRenderer.Create(Path.Combine(context.RepositoryRoot, "templates"));
        using var typeface = SKTypeface.FromFile(LetterFontFiles.Debian.LatinFontFile)
            ?? throw new InvalidOperationException("DejaVu Sans not found (Debian package fonts-dejavu-core)");

        byte[] Approval(int i) => renderer.Render(ApprovalContent(i));
        byte[] Rejection(int i) => renderer.Render(RejectionContent(i));
        byte[] Bare(int i) => BarePage(typeface, i);

        // Sizes first, over as many letters as the content varies (names, numbers, related cases, trace lengths).
        var approvalSizes = Enumerable.Range(1, 256).Select(i => Approval(i).Length).ToList();
        var rejectionSizes = Enumerable.Range(1, 256).Select(i => Rejection(i).Length).ToList();
        var bareSize = Bare(1).Length;

        Parallel("warm-up letters", threads, warmup, Approval, 1_000_000);
        Parallel("warm-up bare pages", threads, warmup, Bare, 0);
        var single = Parallel("approval letters, one thread", 1, turn, Approval, 2_000_000);
        var singleRejection = Parallel("rejection notices, one thread", 1, turn, Rejection, 3_000_000);
        var letters = new List<Run>();
        var bare = new List<Run>();
        for (var t = 0; t < 2; t++)
        {
            bare.Add(Parallel("bare pages", threads, turn, Bare, 0));
            letters.Add(Parallel("approval letters", threads, turn, Approval, 4_000_000 + t * 1_000_000));
        }

        double Rate(List<Run> runs) => runs.Sum(r => r.Operations) / runs.Sum(r => r.Wall.TotalSeconds);
        var letterRate = Rate(letters);
        var bareRate = Rate(bare);
        var largest = Math.Max(approvalSizes.Max(), rejectionSizes.Max());
        IReadOnlyList<Metric> metrics =
        [
            Metric.AtLeast(Name, "letters_per_s", letterRate, "letters/s", LettersPerSecondGoal, bareRate,
                $"{letters.Sum(r => r.Operations):N0} approval letters (2 pages, table, trace, QR; each for another applicant) on {threads} threads " +
                $"sharing one renderer, in two turns of {turn.TotalSeconds:0} s alternating with the reference: a bare one-page SkiaSharp PDF " +
                $"with one line of Latin text ({bare.Sum(r => r.Operations):N0} pages, {bareSize:N0} B each, font embedded whole)"),
            Metric.AtMost(Name, "largest_kb", largest / 1024.0, "KB", KilobytesGoal,
                $"the largest of 256 approval letters and 256 rejection notices (means {approvalSizes.Average() / 1024:0.0} KB and {rejectionSizes.Average() / 1024:0.0} KB)"),
            Metric.Info(Name, "cpu_ms_per_letter", letters.Sum(r => r.CpuMs) / letters.Sum(r => r.Operations), "ms",
                $"the process's CPU time (all threads) per approval letter over the same turns; a bare page took {bare.Sum(r => r.CpuMs) / bare.Sum(r => r.Operations):0.00} ms. " +
                "Less moved than the rate by other work on the machine: what the letters cost, rather than what they got"),
            Metric.Info(Name, "approval_ms", single.Wall.TotalMilliseconds / single.Operations, "ms",
                $"one approval letter on one thread ({single.Operations:N0} in {turn.TotalSeconds:0} s; median of batches {single.MedianMs:0.00} ms)"),
            Metric.Info(Name, "rejection_ms", singleRejection.Wall.TotalMilliseconds / singleRejection.Operations, "ms",
                $"one rejection notice (1 page, QR) on one thread ({singleRejection.Operations:N0} in {turn.TotalSeconds:0} s)"),
        ];
        return Task.FromResult(metrics);
    }

    /// <param name="CpuMs">The process's CPU time over the run, all threads: less moved by other work on the machine than the wall time.</param>
    private sealed record Run(long Operations, TimeSpan Wall, double MedianMs, double CpuMs);

    /// <summary>Each thread renders in batches of 10 until the time is up; the operation gets a number no other call gets.</summary>
    private static Run Parallel(string name, int threads, TimeSpan time, Func<int, byte[]> render, int firstNumber)
    {
        const int Batch = 10;
        var counts = new long[threads];
        var batches = new List<double>[threads];
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            batches[t] = [];
            var i = firstNumber + t * 100_000;
            while (clock.Elapsed < time)
            {
                var start = Stopwatch.GetTimestamp();
                for (var b = 0; b < Batch; b++) render(i++);
                batches[t].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / Batch);
                counts[t] += Batch;
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var run = new Run(counts.Sum(), clock.Elapsed, Statistics.Of(batches.SelectMany(b => b).ToList()).MedianUs,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"   {name}: {run.Operations:N0} on {threads} thread(s) in {run.Wall.TotalSeconds:0.0} s, {run.Operations / run.Wall.TotalSeconds:0.0}/s, {run.CpuMs / run.Operations:0.00} ms of CPU each"));
        return run;
    }

    private static byte[] BarePage(SKTypeface typeface, int i)
    {
        using var stream = new MemoryStream();
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Creation = metadata.Modified = new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(595.28f, 841.89f);
            using var font = new SKFont(typeface, 14f);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawText($"Letter 2026-{i:D7}: 10,000.00", 80f, 120f, SKTextAlign.Left, font, paint);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] GivenNames = ["明", "晓峰", "建国", "秀英", "海燕", "志强", "丽娟", "文博", "子涵", "国栋", "雨萱", "振华"];
    private static readonly string[] Companies = ["宁波明远新材料科技有限公司", "余姚市精工模具有限公司", "慈溪海润电器有限公司", "象山县渔光水产品加工厂", "奉化区锦程纺织品有限公司"];
    private static readonly DateOnly Issued = new(2026, 11, 23);

    private static string PersonName(int i) => Surnames[i % Surnames.Length] + GivenNames[i / Surnames.Length % GivenNames.Length];

    /// <summary>Applicant <paramref name="i"/>'s approval: a person or a company, its own fee, case and letter number.</summary>
    private static LetterContent ApprovalContent(int i)
    {
        var company = i % 2 == 0;
        var name = company ? Companies[i / 2 % Companies.Length] : PersonName(i);
        var id = company ? Code("91330102MA2B3C4D" + (char)('0' + i % 10)) : Person($"3302811980{i % 12 + 1:D2}{i % 28 + 1:D2}12{i % 10}");
        var fee = 4_000m + i % 997 * 731.5m;
        var facts = new ClaimFacts(company ? ApplicantType.Enterprise : ApplicantType.NaturalPerson, name, id, true,
            $"(2026)浙02民初{1000 + i}号", "浙江省宁波市中级人民法院", CaseType.PatentInfringement, CaseOutcome.Won,
            new DateOnly(2026, 6, 1 + i % 28), false, false, fee, [new Invoice($"3302{i % 10_000:D4}", fee, new DateOnly(2026, 3, 2))], []);
        var evaluation = PolicyEvaluator.Evaluate(facts, PolicyVersion.Default, new EvaluationContext(Issued));
        var number = LetterNumbers.Format("县知补", 2026, i);
        return new LetterContent(LetterKind.Approval, number, Issued, Authority, name,
            LetterNumbers.VerificationUrl("https://subsidy.county.example", number),
            Approval: new ApprovalDetails(name, id, facts.CaseNumber, i % 3 == 0 ? [$"(2026)浙民终{500 + i}号"] : [], facts.Court,
                facts.JudgmentEffectiveDate, fee, evaluation.FeeBase, evaluation.Rate, evaluation.Tier!.Value, evaluation.Cap,
                evaluation.Amount, evaluation.Trace, evaluation.PolicyVersion, new DateOnly(2026, 11, 30)));
    }

    private static LetterContent RejectionContent(int i)
    {
        string[] codes = ["not_domiciled", "not_won", "case_type_not_covered", "no_invoice", "duplicate_funding", "evidence_insufficient"];
        var name = PersonName(i);
        var number = LetterNumbers.Format("县知补", 2026, i);
        return new LetterContent(LetterKind.Rejection, number, Issued, Authority, name,
            LetterNumbers.VerificationUrl("https://subsidy.county.example", number),
            Rejection: new RejectionDetails(name, Person($"3302811980{i % 12 + 1:D2}{i % 28 + 1:D2}12{i % 10}"), $"(2026)浙02民初{2000 + i}号",
                codes[i % codes.Length], RejectionReasons.All[codes[i % codes.Length]], "经核查，申请材料与法院判决书记载不一致。"));
    }

    private static string Person(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17);

    private static string Code(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
}
