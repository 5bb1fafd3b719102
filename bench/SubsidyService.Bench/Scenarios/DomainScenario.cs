using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Bench.Scenarios;

/// <summary>
/// The domain's decisions in-process: no I/O, the inputs built once before timing. Context for the other scenarios
/// (what a request's pure work costs), with no goal; not part of a full run (<c>--scenario domain</c>).
/// </summary>
public sealed class DomainScenario : IScenario
{
    private static readonly DateOnly Today = new(2024, 9, 1);

    public string Name => "domain";
    public string Description => "the domain's pure functions in-process (policy evaluation, validation, case numbers, screening, amounts in words)";
    public bool InFullRun => false;

    /// <summary>A second of warm-up even when quick: after 0.3 s the JIT had not reached its optimised tier and figures came out 2–4 times slower.</summary>
    private static InProcessRunner.Settings SettingsFor(bool quick) => quick
        ? new InProcessRunner.Settings(WarmupTime: TimeSpan.FromSeconds(1), WarmupBatches: 5, MeasuredBatches: 30, BatchTime: TimeSpan.FromMilliseconds(2), MaxMeasuredTime: TimeSpan.FromSeconds(3))
        : new InProcessRunner.Settings(WarmupTime: TimeSpan.FromSeconds(1), WarmupBatches: 20, MeasuredBatches: 200, BatchTime: TimeSpan.FromMilliseconds(5), MaxMeasuredTime: TimeSpan.FromSeconds(15));

    public Task<IReadOnlyList<Metric>> RunAsync(BenchContext context) =>
        Task.FromResult<IReadOnlyList<Metric>>(Run(SettingsFor(context.Quick)).ToList());

    private IEnumerable<Metric> Run(InProcessRunner.Settings settings)
    {
        Metric Timed(string name, string description, Func<object> operation)
        {
            var r = InProcessRunner.Run(operation, settings);
            return Metric.Info(Name, name, r.MedianUs, "µs", $"{description}; median of batch averages, p95 {r.P95Us:0.###} µs, {r.AllocatedBytesPerOp:N0} B allocated per call");
        }

        var version = PolicyVersion.Default;
        var context = new EvaluationContext(Today);
        var facts = EvaluationMix();
        var f = 0;
        yield return Timed("policy.evaluate",
            "PolicyEvaluator.Evaluate over 4 facts in turn: eligible, capped (legal person), capped (major case), ineligible (3 reasons)",
            () => PolicyEvaluator.Evaluate(facts[f++ % facts.Length], version, context));

        var input = TypicalInput();
        yield return Timed("facts.validate",
            "ClaimFactsValidator.Validate on a natural person's claim with 2 invoices",
            () => ClaimFactsValidator.Validate(input, Today));

        string[] variants = ["（2024）浙02民初123号", "(2024)浙02民初123号", " 〔２０２４〕 浙０２民初１２３号 ", "【2024】浙02民初123号\u200B", "(2024)京73知民终4567号"];
        var v = 0;
        yield return Timed("caseNumber.canonical",
            "CaseNumber.Canonical over 5 spellings in turn (full-width digits, other brackets, spaces, a zero-width space)",
            () => CaseNumber.Canonical(variants[v++ % variants.Length]));

        var (candidate, live, register) = ScreeningInputs();
        yield return Timed("screening.screen",
            "DuplicateScreening.Screen of one claim against 1,000 live claims and 10,000 register rows (2 findings)",
            () => DuplicateScreening.Screen(candidate, live, register));

        decimal[] amounts = [0.05m, 4_000.00m, 10_000.50m, 100_203.07m, 999_999_999_999.99m];
        var a = 0;
        yield return Timed("chineseAmount.format",
            "ChineseAmount.Format over 5 amounts in turn, from 0.05 to 999999999999.99",
            () => ChineseAmount.Format(amounts[a++ % amounts.Length]));
    }

    private static ClaimFacts[] EvaluationMix()
    {
        var person = Facts(ApplicantType.NaturalPerson, PersonId(), 8_000.00m);
        var company = Facts(ApplicantType.Enterprise, CompanyCode(), 30_000.00m);
        var major = company with { MajorImpact = true, AgencyFee = 200_000.00m, Invoices = [new Invoice("55667788", 200_000.00m, Today.AddDays(-90))] };
        var refused = person with
        {
            DomicileInCounty = false,
            Outcome = CaseOutcome.Lost,
            OtherFunding = [new OtherFunding("市知识产权局", "市级", 2_000.00m, "市知〔2024〕8号")],
        };
        return [person, company, major, refused];
    }

    private static ClaimFacts Facts(ApplicantType type, string id, decimal fee) => new(
        type, type == ApplicantType.NaturalPerson ? "张明" : "某某科技有限公司", id, true, "(2024)浙02民初123号", "宁波市中级人民法院",
        CaseType.PatentInfringement, CaseOutcome.Won, new DateOnly(2024, 5, 20), false, false, fee,
        [new Invoice("12345678", fee, new DateOnly(2024, 3, 1))], []);

    private static ClaimFactsInput TypicalInput() => new(
        "natural_person", "张明", PersonId(), true, "（2024）浙02民初123号", "宁波市中级人民法院", "patent_infringement", "won",
        "2024-05-20", false, false, "8000.00",
        [new InvoiceInput("12345678", "5000.00", "2024-03-01", "3300231130"), new InvoiceInput("24332000000012345679", "3000.00", "2024-04-01")], []);

    private static (ScreeningCandidate, List<LiveClaimRow>, List<FundingRegisterRow>) ScreeningInputs()
    {
        var candidate = new ScreeningCandidate(Guid.NewGuid(), PersonId(), "(2024)浙02民初500号", ["90000000500", "98765432"]);
        var live = Enumerable.Range(0, 1_000)
            .Select(i => new LiveClaimRow(Guid.NewGuid(), PersonId(), $"(2023)浙02民初{i}号", [$"9000000{i:D4}", $"8000000{i:D4}"]))
            .ToList();
        live[500] = live[500] with { Invoices = ["98765432"] };
        var register = Enumerable.Range(0, 10_000)
            .Select(i => new FundingRegisterRow(Guid.NewGuid(), "市知识产权局", "市级", $"申请人{i}", $"(2022)沪73知民初{i}号", 1_000.00m))
            .ToList();
        register[7_000] = register[7_000] with { CanonicalCaseNumber = "(2024)浙02民初500号" };
        return (candidate, live, register);
    }

    private static string PersonId() => "33010219800101123" + ResidentIdNumber.CheckCharacter("33010219800101123");

    private static string CompanyCode() => "91330102MA2B3C4D5" + UnifiedSocialCreditCode.CheckCharacter("91330102MA2B3C4D5");
}
