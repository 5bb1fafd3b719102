using System.Diagnostics;
using SkiaSharp;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Policy;
using SubsidyService.Letters;

namespace SubsidyService.Bench;

/// <summary>
/// Letters rendered in-process, on one thread and on two, with the PDF's size; and, as the reference measured in
/// the same run, a bare one-page SkiaSharp PDF with one line of text (its font embedded whole, as Skia does).
/// </summary>
public static class LetterBenchmarks
{
    public sealed record Settings(InProcessRunner.Settings OneThread, TimeSpan ParallelTime, int Threads);

    private const string Authority = "县市场监督管理局（知识产权局）";

    public static IEnumerable<BenchmarkResult> Run(string repositoryRoot, Settings settings)
    {
        using var renderer = LetterRenderer.Create(Path.Combine(repositoryRoot, "templates"));
        var approvals = Approvals(64);
        var rejections = Rejections(64);

        var a = 0;
        yield return WithBytes(InProcessRunner.Run("letters.approval",
            "LetterRenderer.Render of an approval letter (2 pages, table, 4 trace steps, QR), 64 applicants in turn",
            () => renderer.Render(approvals[a++ % approvals.Length]), settings.OneThread), approvals.Select(renderer.Render));

        var r = 0;
        yield return WithBytes(InProcessRunner.Run("letters.rejection",
            "LetterRenderer.Render of a rejection notice (1 page, QR), 64 applicants in turn",
            () => renderer.Render(rejections[r++ % rejections.Length]), settings.OneThread), rejections.Select(renderer.Render));

        yield return WithBytes(Parallel("letters.approval.parallel",
            $"as letters.approval, on {settings.Threads} threads at once sharing one renderer",
            settings.Threads, i => renderer.Render(approvals[i % approvals.Length]), settings), approvals.Select(renderer.Render));

        using var typeface = SKTypeface.FromFile(LetterFontFiles.Debian.LatinFontFile)
            ?? throw new InvalidOperationException("DejaVu Sans not found (Debian package fonts-dejavu-core)");
        yield return WithBytes(InProcessRunner.Run("skia.bare.page",
            "reference: SKDocument.CreatePdf, one A4 page, one line of Latin text in DejaVu Sans (embedded whole)",
            () => BarePage(typeface), settings.OneThread), [BarePage(typeface)]);
    }

    /// <summary>Each thread renders in batches for the given time after a warm-up; every batch is one sample.</summary>
    private static BenchmarkResult Parallel(string name, string description, int threads, Func<int, byte[]> render, Settings settings)
    {
        for (var i = 0; i < 200; i++) render(i);

        const int Batch = 20;
        var samples = new List<double>[threads];
        var counts = new long[threads];
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            samples[t] = [];
            var i = t * 1_000;
            while (clock.Elapsed < settings.ParallelTime)
            {
                var start = Stopwatch.GetTimestamp();
                for (var b = 0; b < Batch; b++) render(i++);
                samples[t].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / Batch);
                counts[t] += Batch;
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var elapsed = clock.Elapsed;
        var ops = counts.Sum();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var all = samples.SelectMany(s => s).ToList();
        var stats = Statistics.Of(all);
        return new BenchmarkResult(name, "letters", description, (int)ops, all.Count, threads, 0,
            ops / elapsed.TotalSeconds, stats.MedianUs, stats.P95Us, stats.MeanUs, stats.MaxUs, allocated / ops);
    }

    private static BenchmarkResult WithBytes(BenchmarkResult result, IEnumerable<byte[]> outputs) =>
        result with { Group = "letters", OutputBytesPerOp = (long)outputs.Average(o => o.Length) };

    private static byte[] BarePage(SKTypeface typeface)
    {
        using var stream = new MemoryStream();
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Creation = metadata.Modified = new DateTime(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(595.28f, 841.89f);
            using var font = new SKFont(typeface, 14f);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawText("Letter 2026-0001: 10,000.00", 80f, 120f, SKTextAlign.Left, font, paint);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
    private static readonly string[] Names = ["明", "晓峰", "建国", "秀英", "海燕", "志强", "丽娟", "文博"];
    private static readonly string[] Companies = ["宁波明远新材料科技有限公司", "余姚市精工模具有限公司", "慈溪海润电器有限公司", "象山县渔光水产品加工厂"];

    private static LetterContent[] Approvals(int count)
    {
        var issued = new DateOnly(2026, 11, 23);
        return Enumerable.Range(1, count).Select(i =>
        {
            var company = i % 2 == 0;
            var name = company ? Companies[i % Companies.Length] : Surnames[i % Surnames.Length] + Names[i % Names.Length];
            var id = company ? Code("91330102MA2B3C4D" + (char)('0' + i % 10)) : Person($"3302811980{i % 12 + 1:D2}{i % 28 + 1:D2}12{i % 10}");
            var fee = 4_000m + i * 731.5m;
            var facts = new ClaimFacts(company ? ApplicantType.Enterprise : ApplicantType.NaturalPerson, name, id, true,
                $"(2026)浙02民初{1000 + i}号", "浙江省宁波市中级人民法院", CaseType.PatentInfringement, Outcome.Won,
                new DateOnly(2026, 6, 1 + i % 28), false, false, fee, [new Invoice($"3302{i:D4}", fee, new DateOnly(2026, 3, 2))], []);
            var evaluation = PolicyEvaluator.Evaluate(facts, PolicyVersion.Default, new EvaluationContext(issued));
            var number = LetterNumbers.Format("县知补", 2026, i);
            return new LetterContent(LetterKind.Approval, number, issued, Authority, name,
                LetterNumbers.VerificationUrl("https://subsidy.county.example", number),
                Approval: new ApprovalDetails(name, id, facts.CaseNumber, i % 3 == 0 ? [$"(2026)浙民终{500 + i}号"] : [], facts.Court,
                    facts.JudgmentEffectiveDate, fee, evaluation.FeeBase, evaluation.Rate, evaluation.Tier!.Value, evaluation.Cap,
                    evaluation.Amount, evaluation.Trace, evaluation.PolicyVersion, new DateOnly(2026, 11, 30)));
        }).ToArray();
    }

    private static LetterContent[] Rejections(int count)
    {
        var issued = new DateOnly(2026, 11, 23);
        string[] codes = ["not_domiciled", "not_won", "case_type_not_covered", "no_invoice", "duplicate_funding", "evidence_insufficient"];
        return Enumerable.Range(1, count).Select(i =>
        {
            var name = Surnames[i % Surnames.Length] + Names[i % Names.Length];
            var number = LetterNumbers.Format("县知补", 2026, 1000 + i);
            return new LetterContent(LetterKind.Rejection, number, issued, Authority, name,
                LetterNumbers.VerificationUrl("https://subsidy.county.example", number),
                Rejection: new RejectionDetails(name, Person($"3302811980{i % 12 + 1:D2}{i % 28 + 1:D2}12{i % 10}"), $"(2026)浙02民初{2000 + i}号",
                    codes[i % codes.Length], "经核查，申请材料与法院判决书记载不一致。"));
        }).ToArray();
    }

    private static string Person(string first17) => first17 + ResidentIdNumber.CheckCharacter(first17);

    private static string Code(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
}
