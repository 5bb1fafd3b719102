using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Claims;

/// <summary>
/// The columns a claim list may be sorted by, as a list's "sort" parameter names them ("amount", or "-amount" for
/// largest first), each a fixed SQL expression over <c>claims c</c> (<see cref="SortKeys"/>), the id breaking ties.
/// </summary>
public static class ClaimSort
{
    /// <summary>Statuses sort in the order a claim goes through them, not alphabetically by code.</summary>
    private static readonly string StatusOrder =
        "array_position(ARRAY[" + string.Join(",", Enum.GetValues<ClaimStatus>().Select(s => $"'{EnumCodes.ToCode(s)}'")) + "]::text[], c.status)";

    private static readonly SortKeys Sorts = new("c.id", new Dictionary<string, string>
    {
        ["status"] = StatusOrder,
        ["case"] = "c.canonical_case_number",
        // Chinese names by pinyin, as a clerk's paper register is kept.
        ["applicant"] = "c.applicant_name COLLATE \"zh-x-icu\"",
        ["amount"] = "c.amount",
        ["created"] = "c.created_at",
        ["submitted"] = "c.submitted_at",
        ["updated"] = "c.updated_at",
        ["verified"] = "c.verified_at",
        ["approved"] = "c.approved_at",
        ["notice"] = "c.notice_ends_on",
        ["letter"] = "c.letter_number",
    });

    public static IReadOnlyCollection<string> Keys => Sorts.Keys;

    /// <summary>A sort from its text; blank is the list's own order (null), an unknown key is refused naming the field.</summary>
    public static Outcome<ListSort?> Parse(string? text) => Sorts.Parse(text);
}
