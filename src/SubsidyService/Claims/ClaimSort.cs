using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// The column a claim list is ordered by, as a list's "sort" parameter names it ("amount", or "-amount" for
/// largest first). Only the keys below reach SQL, each as a fixed expression, so a typed value cannot.
/// </summary>
public sealed record ClaimSort(string Key, bool Descending)
{
    /// <summary>Statuses sort in the order a claim goes through them, not alphabetically by code.</summary>
    private static readonly string StatusOrder =
        "array_position(ARRAY[" + string.Join(",", Enum.GetValues<ClaimStatus>().Select(s => $"'{EnumCodes.ToCode(s)}'")) + "]::text[], c.status)";

    private static readonly Dictionary<string, string> Columns = new()
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
    };

    public static IReadOnlyCollection<string> Keys => Columns.Keys;

    public string Text => (Descending ? "-" : "") + Key;

    /// <summary>A sort from its text; blank is the list's own order (null), an unknown key is refused naming the field.</summary>
    public static Outcome<ClaimSort?> Parse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return (ClaimSort?)null;
        var descending = s.StartsWith('-');
        var key = descending ? s[1..] : s;
        return Columns.ContainsKey(key)
            ? new ClaimSort(key, descending)
            : Refusal.Validation("sort", $"无法按“{s}”排序，可用的排序为 {string.Join("、", Columns.Keys)}（前加 - 为倒序）。");
    }

    /// <summary>The ORDER BY list: this column (empty values last either way), then the id so that pages never overlap.</summary>
    public string OrderBy => $"{Columns[Key]} {(Descending ? "DESC" : "ASC")} NULLS LAST, c.id";
}
