using Dapper;
using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Claims;

/// <summary>A claim as the staff lists show it: the columns a list needs, none of the facts' detail.</summary>
public sealed record ClaimListing(Guid Id, string Status, int Version, string ApplicantType, string ApplicantName, string CaseNumber,
    decimal Amount, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? VerifiedAt, DateTime? ApprovedAt, DateOnly? NoticeEndsOn,
    string? LetterNumber, string? ApplicationNumber = null);

/// <summary>A verified claim in the finance bureau's queue, with the sum of its own amount and of every claim before it.</summary>
public sealed record QueuedClaim(ClaimListing Claim, decimal Cumulative);

/// <summary>
/// The staff's lists over all claims: the auditors' search, the finance bureau's queue and status lists,
/// the counts on their start pages. Staff only: applicants have <see cref="ClaimReader.ListAsync"/>.
/// </summary>
public sealed class ClaimSearch(NpgsqlDataSource db)
{
    internal const string Columns = """
        c.id, c.status, c.version, c.applicant_type AS applicanttype, c.applicant_name AS applicantname, c.case_number AS casenumber,
        c.amount, c.created_at AS createdat, c.submitted_at AS submittedat, c.verified_at AS verifiedat, c.approved_at AS approvedat,
        c.notice_ends_on AS noticeendson, c.letter_number AS letternumber, c.application_number AS applicationnumber
        """;

    /// <summary>
    /// A filtered scan, newest submission first unless a sort is given. A single status narrows through
    /// claims_status_newest, which also gives the default order; the other filters are checked row by row,
    /// which suits an auditor's occasional search. The total comes from the counts table when only statuses
    /// filter, and is otherwise counted up to <see cref="ListPage.CountCap"/> and one more.
    /// </summary>
    public async Task<ListPage<ClaimListing>> SearchAsync(ClaimQuery query, ListSort? sort = null)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await ClaimList.PageAsync<ClaimListing>(conn, Columns, query.Filter, OrderOf(sort), query.Page, query.PageSize, capTotal: true);
    }

    /// <summary>Every claim the query finds, in the list's order, read as it is written out (an export streams, it is not paged).</summary>
    public IAsyncEnumerable<ClaimListing> ExportAsync(ClaimQuery query, ListSort? sort, CancellationToken cancel = default) =>
        ClaimList.StreamAsync<ClaimListing>(db, Columns, query.Filter, OrderOf(sort), cancel);

    internal static string OrderOf(ListSort? sort) =>
        sort?.OrderBy ?? "c.submitted_at DESC NULLS LAST, c.created_at DESC, c.id DESC";

    /// <summary>
    /// Verified claims in the order they were verified, each with the running sum of the amounts up to and
    /// including it, so that a page further on still shows what the claims before it would take.
    /// </summary>
    public async Task<ListPage<QueuedClaim>> VerifiedQueueAsync(int page, int pageSize)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rows = await ClaimList.PageAsync<QueueRow>(conn, QueueColumns, Verified, QueueOrder, page, pageSize, capTotal: false);
        return rows.Select(r => r.ToQueued());
    }

    /// <summary>In claims_verified_queue's order: the running sum reads the verified claims up to the page, never sorts them.</summary>
    internal const string QueueColumns = $"{Columns}, sum(c.amount) OVER (ORDER BY c.verified_at, c.id) AS cumulative";

    internal const string QueueOrder = "c.verified_at, c.id";

    internal static readonly ClaimFilter Verified = new() { Statuses = ["verified"] };

    private sealed record QueueRow(Guid Id, string Status, int Version, string ApplicantType, string ApplicantName, string CaseNumber,
        decimal Amount, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? VerifiedAt, DateTime? ApprovedAt, DateOnly? NoticeEndsOn,
        string? LetterNumber, string? ApplicationNumber, decimal Cumulative)
    {
        public QueuedClaim ToQueued() => new(new ClaimListing(Id, Status, Version, ApplicantType, ApplicantName, CaseNumber, Amount,
            CreatedAt, SubmittedAt, VerifiedAt, ApprovedAt, NoticeEndsOn, LetterNumber, ApplicationNumber), Cumulative);
    }

    /// <summary>How many claims are in each of the given statuses (those with none are left out).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(params string[] statuses)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await ClaimStatusCounts.OfAsync(conn, statuses);
    }

    /// <summary>The listed claims by id (any order), for pages that hold ids from another feature (budget entries, a bulk result).</summary>
    public async Task<IReadOnlyDictionary<Guid, ClaimListing>> ByIdsAsync(IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return new Dictionary<Guid, ClaimListing>();
        await using var conn = await db.OpenConnectionAsync();
        var rows = await conn.QueryAsync<ClaimListing>($"SELECT {Columns} FROM claims c WHERE c.id = ANY(@ids)", new { ids = ids.ToArray() });
        return rows.ToDictionary(r => r.Id);
    }

    /// <summary>The public notice, newest first (see <see cref="ClaimNotices.PublicNoticeSql"/>).</summary>
    public async Task<(IReadOnlyList<NoticeEntry> Items, long Total)> PublicNoticeAsync(int page, int pageSize)
    {
        await using var conn = await db.OpenConnectionAsync();
        var total = await ClaimNotices.PublicNoticeCountAsync(conn);
        var items = await ClaimNotices.PublicNoticeAsync(conn, (page - 1) * pageSize, pageSize);
        return (items, total);
    }
}
