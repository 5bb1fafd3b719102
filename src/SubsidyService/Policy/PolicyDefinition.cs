using System.Globalization;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Policy;

/// <summary>
/// The numbers of a policy version as kept in <c>policy_versions.definition</c> (jsonb): the API's
/// conventions (two-decimal strings, snake_case enum codes), so the stored document reads like the API.
/// </summary>
public sealed record PolicyDefinition(
    string Rate,
    IReadOnlyDictionary<string, string> Caps,
    IReadOnlyList<string> WinningOutcomes,
    IReadOnlyList<string> RegularCaseTypes,
    IReadOnlyList<string> MajorCaseTypes,
    int? ApplicationWindowDays,
    int PublicNoticeWorkingDays,
    IReadOnlyList<string>? RequiredDocuments = null,
    int? ReviewWorkingDays = null,
    int? SupplementWorkingDays = null)
{
    public static PolicyDefinition From(PolicyVersion v) => new(
        Invariant.Rate(v.Rate),
        Enum.GetValues<Tier>().Where(t => v.Caps.ContainsKey(t)).ToDictionary(EnumCodes.ToCode, t => Invariant.Money(v.Caps[t])),
        Codes(v.WinningOutcomes),
        Codes(v.RegularCaseTypes),
        Codes(v.MajorCaseTypes),
        v.ApplicationWindowDays,
        v.PublicNoticeWorkingDays,
        v.RequiredDocuments.Select(EnumCodes.ToCode).ToArray(),
        v.ReviewWorkingDays,
        v.SupplementWorkingDays);

    /// <summary>Back to the domain; the document was written by <see cref="From"/>, so it is trusted.</summary>
    public PolicyVersion ToVersion(string id, DateOnly effectiveFrom, DateOnly? effectiveTo) => new(
        id, effectiveFrom, effectiveTo,
        decimal.Parse(Rate, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
        Caps.ToDictionary(c => Parse<Tier>(c.Key), c => decimal.Parse(c.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)),
        WinningOutcomes.Select(Parse<CaseOutcome>).ToHashSet(),
        RegularCaseTypes.Select(Parse<CaseType>).ToHashSet(),
        MajorCaseTypes.Select(Parse<CaseType>).ToHashSet(),
        ApplicationWindowDays,
        PublicNoticeWorkingDays)
    {
        // A version stored before materials were listed (migration 0021 adds the list) requires the default.
        RequiredDocuments = RequiredDocuments?.Select(Parse<DocumentKind>).ToArray() ?? Materials.DefaultRequired,
        // A version stored before time limits were kept (migration 0028) has the defaults.
        ReviewWorkingDays = ReviewWorkingDays ?? PolicyVersion.DefaultReviewWorkingDays,
        SupplementWorkingDays = SupplementWorkingDays ?? PolicyVersion.DefaultSupplementWorkingDays,
    };

    /// <summary>In enum order, so the same set always reads the same.</summary>
    internal static IReadOnlyList<string> Codes<T>(IReadOnlySet<T> set) where T : struct, Enum =>
        Enum.GetValues<T>().Where(set.Contains).Select(EnumCodes.ToCode).ToArray();

    private static T Parse<T>(string code) where T : struct, Enum =>
        EnumCodes.TryParse<T>(code, out var value) ? value : throw new InvalidOperationException($"Unknown {typeof(T).Name} code '{code}' in a stored policy version");
}
