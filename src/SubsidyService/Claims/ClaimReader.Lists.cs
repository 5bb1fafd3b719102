using System.Text.Json;
using Dapper;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Claims.Documents;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>Claims as lists: a role's page of them, its export and its counts by status, each filtered to what the role may see.</summary>
public sealed partial class ClaimReader
{
    public const int DefaultPageSize = ListPage.DefaultSize;

    /// <summary>Far beyond any real list; a larger page would overflow the offset.</summary>
    public const int MaxPage = 100_000;

    /// <param name="capTotal">
    /// Pages pass true: a staff search's total is counted only up to <see cref="ListPage.CountCap"/> and one more.
    /// The API's total stays exact (its clients page to the end by it).
    /// </param>
    /// <param name="overdue">Only claims whose review is past its due date (<see cref="ReviewDeadline"/>).</param>
    public async Task<Outcome<ListPage<ClaimSummary>>> ListAsync(Actor actor, string? status, string? q, int page, int pageSize, ListSort? sort = null,
        bool capTotal = false, bool overdue = false)
    {
        if (page is < 1 or > MaxPage) return Refusal.Validation("page", $"页码须为 1 至 {MaxPage} 的整数。");
        if (pageSize is < 1 or > 100) return Refusal.Validation("pageSize", "每页条数须为 1 至 100。");
        if (!ListFilter(actor, status, q, overdue ? clock.Today() : null).TryGet(out var filter, out var refusal)) return refusal;
        await using var conn = await db.OpenConnectionAsync();
        var rows = await ClaimList.PageAsync<SummaryRow>(conn, SummaryColumns, filter, ListOrder(actor, sort), page, pageSize,
            capTotal: actor.IsStaff && capTotal);
        var today = clock.Today();
        return rows.Select(r => r.ToSummary(today));
    }

    /// <summary>The whole list as <see cref="ListAsync"/> filters and orders it, streamed for an export; the refusal when a filter is bad.</summary>
    public Outcome<IAsyncEnumerable<ClaimSummary>> Export(Actor actor, string? status, string? q, ListSort? sort, bool overdue = false)
    {
        if (!ListFilter(actor, status, q, overdue ? clock.Today() : null).TryGet(out var filter, out var refusal)) return refusal;
        var today = clock.Today();
        return new Outcome<IAsyncEnumerable<ClaimSummary>>(
            ClaimList.StreamAsync<SummaryRow>(db, SummaryColumns, filter, ListOrder(actor, sort)).Select(r => r.ToSummary(today)), null);
    }

    /// <summary>How many of the claims this person sees are in each status (all claims for staff, their own for an applicant).</summary>
    public async Task<IReadOnlyDictionary<string, long>> StatusCountsAsync(Actor actor)
    {
        await using var conn = await db.OpenConnectionAsync();
        // Staff count every claim: from the counts table. An applicant's own claims come from the applicant
        // index, bounded by that applicant's claims.
        if (actor.IsStaff) return await ClaimStatusCounts.AllAsync(conn);
        var rows = await conn.QueryAsync<(string Status, long Count)>(
            "SELECT status, count(*) FROM claims WHERE applicant_id = @me GROUP BY status", new { me = actor.Id });
        return rows.ToDictionary(r => r.Status, r => r.Count);
    }

    internal const string SummaryColumns = """
        c.id, c.status, c.version, c.applicant_name AS applicantname, c.case_number AS casenumber, c.amount,
               c.policy_version AS policyversion,
               (SELECT count(*)::int FROM screening_flags f WHERE f.claim_id = c.id AND f.resolution IS NULL) AS unresolvedflags,
               c.created_at AS createdat, c.submitted_at AS submittedat, c.updated_at AS updatedat,
               c.application_number AS applicationnumber, c.review_due_on AS reviewdueon
        """;

    // Staff work the oldest first; an applicant looks for the latest.
    internal static string ListOrder(Actor actor, ListSort? sort) =>
        sort?.OrderBy ?? (actor.IsStaff ? "coalesce(c.submitted_at, c.created_at), c.id" : "c.created_at DESC, c.id");

    /// <summary>A role's list filter from its query: an applicant sees only their own claims.</summary>
    /// <param name="overdueOn">When given, only the claims whose review is overdue on that day.</param>
    internal static Outcome<ClaimFilter> ListFilter(Actor actor, string? status, string? q, DateOnly? overdueOn = null)
    {
        var statuses = new List<string>();
        foreach (var s in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!EnumCodes.TryParse<ClaimStatus>(s, out _))
                return Refusal.Validation("status", ChoiceError.Message("状态", s, EnumCodes.AllCodes<ClaimStatus>(), "（可用逗号分隔多个）") + "。");
            statuses.Add(s);
        }
        var text = q?.Trim() is { Length: > 0 } t ? t : null;
        if (text?.Length > 100) return Refusal.Validation("q", "搜索词不能超过 100 个字符。");
        return new ClaimFilter { Owner = actor.IsStaff ? null : actor.Id, Statuses = statuses, Text = text, OverdueOn = overdueOn };
    }

    private sealed record SummaryRow(Guid Id, string Status, int Version, string ApplicantName, string CaseNumber, decimal Amount,
        string PolicyVersion, int UnresolvedFlags, DateTime CreatedAt, DateTime? SubmittedAt, DateTime UpdatedAt, string? ApplicationNumber,
        DateOnly? ReviewDueOn)
    {
        public ClaimSummary ToSummary(DateOnly today) => new(Id, Status, Version, ApplicantName, CaseNumber, Invariant.Money(Amount),
            PolicyVersion, UnresolvedFlags, CreatedAt, SubmittedAt, UpdatedAt)
        {
            ApplicationNumber = ApplicationNumber,
            ReviewDueOn = ReviewDueOn is { } d ? Invariant.Date(d) : null,
            Overdue = ReviewDeadline.Overdue(Status, ReviewDueOn, today),
        };
    }
}
