using SubsidyService.Domain.Kernel;
namespace SubsidyService.Policy;

/// <summary>A policy version as the API (or the admin page) received it: strings and nulls, nothing trusted yet.</summary>
public sealed record PolicyVersionInput(
    string? Id,
    string? EffectiveFrom,
    string? EffectiveTo,
    string? Rate,
    IReadOnlyDictionary<string, string?>? Caps,
    IReadOnlyList<string?>? WinningOutcomes,
    IReadOnlyList<string?>? RegularCaseTypes,
    IReadOnlyList<string?>? MajorCaseTypes,
    int? ApplicationWindowDays,
    int? PublicNoticeWorkingDays,
    IReadOnlyList<string?>? RequiredDocuments = null,
    int? ReviewWorkingDays = null,
    int? SupplementWorkingDays = null);

/// <summary>A stored policy version in the API's conventions.</summary>
public sealed record PolicyVersionResponse(
    string Id,
    string EffectiveFrom,
    string? EffectiveTo,
    string Rate,
    IReadOnlyDictionary<string, string> Caps,
    IReadOnlyList<string> WinningOutcomes,
    IReadOnlyList<string> RegularCaseTypes,
    IReadOnlyList<string> MajorCaseTypes,
    int? ApplicationWindowDays,
    int PublicNoticeWorkingDays,
    IReadOnlyList<string> RequiredDocuments,
    string? ConfirmedAt,
    int ReviewWorkingDays,
    int SupplementWorkingDays)
{
    /// <summary><paramref name="confirmedAt"/> null: added and waiting for a second person's confirmation, not in force.</summary>
    public static PolicyVersionResponse From(Domain.Policy.PolicyVersion v, DateTimeOffset? confirmedAt)
    {
        var d = PolicyDefinition.From(v);
        return new(v.Id, Invariant.Date(v.EffectiveFrom), v.EffectiveTo is { } to ? Invariant.Date(to) : null,
            d.Rate, d.Caps, d.WinningOutcomes, d.RegularCaseTypes, d.MajorCaseTypes, d.ApplicationWindowDays, d.PublicNoticeWorkingDays,
            d.RequiredDocuments ?? [], confirmedAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
            v.ReviewWorkingDays, v.SupplementWorkingDays) { Title = v.Title };
    }

    /// <summary>The version as people call it, "2023年版（第十三项）"; pages and letters show this, never the id.</summary>
    public string Title { get; init; } = "";

    public static PolicyVersionResponse From(StoredPolicyVersion s) => From(s.Version, s.ConfirmedAt);
}
