using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
namespace SubsidyService.Domain.Policy;

/// <summary>
/// The numbers of one edition of the policy. Counties change policy by adding a version with its own
/// dates, never by editing code; a claim is judged by the version in force on its judgment date.
/// </summary>
/// <param name="EffectiveTo">Last day in force, inclusive; null while open-ended.</param>
public sealed record PolicyVersion(
    string Id,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    decimal Rate,
    IReadOnlyDictionary<Tier, decimal> Caps,
    IReadOnlySet<CaseOutcome> WinningOutcomes,
    IReadOnlySet<CaseType> RegularCaseTypes,
    IReadOnlySet<CaseType> MajorCaseTypes,
    int? ApplicationWindowDays,
    int PublicNoticeWorkingDays)
{
    public static PolicyVersion Default { get; } = new(
        Id: "2023-item13",
        EffectiveFrom: new DateOnly(2023, 1, 1),
        EffectiveTo: null,
        Rate: 0.50m,
        Caps: new Dictionary<Tier, decimal>
        {
            [Tier.NaturalPerson] = 5_000.00m,
            [Tier.LegalPerson] = 10_000.00m,
            [Tier.MajorOrForeign] = 50_000.00m,
        },
        WinningOutcomes: new HashSet<CaseOutcome> { CaseOutcome.Won, CaseOutcome.PartiallyWon },
        RegularCaseTypes: new HashSet<CaseType> { CaseType.PatentInfringement },
        MajorCaseTypes: Enum.GetValues<CaseType>().ToHashSet(),
        ApplicationWindowDays: null,
        PublicNoticeWorkingDays: 5);

    /// <summary>The document kinds a claim must carry before it is verified (POLICY.md "Materials").</summary>
    public IReadOnlyList<DocumentKind> RequiredDocuments { get; init; } = Materials.DefaultRequired;

    public const int DefaultReviewWorkingDays = 20;
    public const int DefaultSupplementWorkingDays = 15;

    /// <summary>审核时限: working days from a submission to the verifier's decision.</summary>
    public int ReviewWorkingDays { get; init; } = DefaultReviewWorkingDays;

    /// <summary>补正期限: working days the applicant has to put a supplement right, from the verifier's request.</summary>
    public int SupplementWorkingDays { get; init; } = DefaultSupplementWorkingDays;

    /// <summary>
    /// What people call the version: "2023年版（第十三项）", or with its first day when it does not start a year
    /// ("2026年7月1日版（第十三项）"). Its id is a key for the API and never shown on a page or a letter.
    /// </summary>
    public string Title => EffectiveFrom is { Month: 1, Day: 1 }
        ? $"{EffectiveFrom.Year}年版（第十三项）"
        : $"{EffectiveFrom.Year}年{EffectiveFrom.Month}月{EffectiveFrom.Day}日版（第十三项）";

    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo.Value);

    public decimal? CapOf(Tier tier) => Caps.TryGetValue(tier, out var cap) ? cap : null;

    /// <summary>Every pair of versions whose days overlap, and every version that ends before it starts.</summary>
    public static IReadOnlyList<string> CheckNoOverlap(IEnumerable<PolicyVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var list = versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Id, StringComparer.Ordinal).ToList();
        var errors = new List<string>();

        foreach (var v in list.Where(v => v.EffectiveTo < v.EffectiveFrom))
            errors.Add($"政策版本 {v.Id} 的失效日期 {Invariant.Date(v.EffectiveTo!.Value)} 早于生效日期 {Invariant.Date(v.EffectiveFrom)}");

        foreach (var group in list.GroupBy(v => v.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add($"政策版本编号 {group.Key} 重复");

        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                var (a, b) = (list[i], list[j]);
                var aEnd = a.EffectiveTo ?? DateOnly.MaxValue;
                var bEnd = b.EffectiveTo ?? DateOnly.MaxValue;
                if (a.EffectiveFrom <= bEnd && b.EffectiveFrom <= aEnd)
                    errors.Add($"政策版本 {a.Id}（{Describe(a)}）与 {b.Id}（{Describe(b)}）的有效期重叠");
            }
        }

        return errors;
    }

    private static string Describe(PolicyVersion v) =>
        $"{Invariant.Date(v.EffectiveFrom)} 至 {(v.EffectiveTo is { } to ? Invariant.Date(to) : "长期")}";
}
