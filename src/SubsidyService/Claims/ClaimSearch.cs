using Dapper;
using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Claims;

/// <summary>A claim as the staff lists show it: the columns a list needs, none of the facts' detail.</summary>
public sealed record ClaimListing(Guid Id, string Status, int Version, string ApplicantType, string ApplicantName, string CaseNumber,
    decimal Amount, DateTime CreatedAt, DateTime? SubmittedAt, DateTime? VerifiedAt, DateTime? ApprovedAt, DateOnly? NoticeEndsOn,
    string? LetterNumber, string? ApplicationNumber = null);

/// <param name="TotalCounted">Counted up to <see cref="CappedTotal.Cap"/> and one more (a search), rather than exact (a list by status).</param>
public sealed record ClaimListingPage(IReadOnlyList<ClaimListing> Items, int Page, int PageSize, long Total, bool TotalCounted = false);

/// <summary>A verified claim in the finance bureau's queue, with the sum of its own amount and of every claim before it.</summary>
public sealed record QueuedClaim(ClaimListing Claim, decimal Cumulative);

public sealed record QueuePage(IReadOnlyList<QueuedClaim> Items, int Page, int PageSize, long Total);

/// <summary>
/// The staff's lists over all claims: the auditors' search, the finance bureau's queue and status lists,
/// the counts on their start pages. Staff only: applicants have <see cref="ClaimReader.ListAsync"/>.
/// </summary>
public sealed class ClaimSearch(NpgsqlDataSource db)
{
    private const string Columns = """
        c.id, c.status, c.version, c.applicant_type AS applicanttype, c.applicant_name AS applicantname, c.case_number AS casenumber,
        c.amount, c.created_at AS createdat, c.submitted_at AS submittedat, c.verified_at AS verifiedat, c.approved_at AS approvedat,
        c.notice_ends_on AS noticeendson, c.letter_number AS letternumber, c.application_number AS applicationnumber
        """;

    /// <summary>
    /// A filtered scan, newest submission first unless a sort is given. A single status narrows through
    /// claims_status_newest, which also gives the default order; the other filters are checked row by row,
    /// which suits an auditor's occasional search. The total comes from the counts table when only statuses
    /// filter, and is otherwise counted up to <see cref="CappedTotal.Cap"/> and one more.
    /// </summary>
    public async Task<ClaimListingPage> SearchAsync(ClaimQuery query, ListSort? sort = null)
    {
        var (where, args) = Filter(query);
        await using var conn = await db.OpenConnectionAsync();
        var total = query.FiltersOnlyStatus
            ? await ClaimStatusCounts.TotalAsync(conn, query.Statuses.ToArray())
            : await conn.ExecuteScalarAsync<long>(CappedTotal.Sql(where), args);
        args.Add("offset", (query.Page - 1) * query.PageSize);
        args.Add("pageSize", query.PageSize);
        var items = await conn.QueryAsync<ClaimListing>(PageSql(where, OrderOf(sort)), args);
        return new ClaimListingPage(items.ToList(), query.Page, query.PageSize, total, !query.FiltersOnlyStatus);
    }

    internal static string PageSql(string where, string order) =>
        $"SELECT {Columns} FROM claims c {where} ORDER BY {order} LIMIT @pageSize OFFSET @offset";

    /// <summary>Every claim the query finds, in the list's order, read as it is written out (an export streams, it is not paged).</summary>
    public async IAsyncEnumerable<ClaimListing> ExportAsync(ClaimQuery query, ListSort? sort,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        var (where, args) = Filter(query);
        await using var conn = await db.OpenConnectionAsync(cancel);
        await foreach (var row in conn.QueryUnbufferedAsync<ClaimListing>(
                           $"SELECT {Columns} FROM claims c {where} ORDER BY {OrderOf(sort)}", args).WithCancellation(cancel))
            yield return row;
    }

    internal static string OrderOf(ListSort? sort) =>
        sort?.OrderBy ?? "c.submitted_at DESC NULLS LAST, c.created_at DESC, c.id DESC";

    internal static (string Where, DynamicParameters Args) Filter(ClaimQuery query)
    {
        var where = $"""
            WHERE (cardinality(@statuses) = 0 OR c.status = ANY(@statuses))
              AND (@from::timestamptz IS NULL OR c.submitted_at >= @from)
              AND (@to::timestamptz IS NULL OR c.submitted_at < @to)
              AND {ApplicantTerm(query.Applicant)}
              AND (@min::numeric IS NULL OR c.amount >= @min)
              AND (@max::numeric IS NULL OR c.amount <= @max)
              AND (@tier::text IS NULL OR c.tier = @tier)
            """;
        var args = new DynamicParameters(new
        {
            statuses = query.Statuses.ToArray(),
            from = StartOf(query.SubmittedFrom),
            to = StartOf(query.SubmittedTo?.AddDays(1)),
            applicant = query.Applicant is { } a ? Like.Escape(a) : null,
            // The name box also takes an application number.
            applicantNumber = query.Applicant is { } n ? ApplicationNumbers.SearchTail(n) : null,
            min = query.AmountMin,
            max = query.AmountMax,
            tier = query.Tier,
        });
        return (where, args);
    }

    // The name box also takes an application number; one with its year is a lookup in the unique index.
    private static string ApplicantTerm(string? applicant) => ApplicationNumbers.Exact(applicant) is not null
        ? "c.application_number = @applicantNumber"
        : """
          (@applicant::text IS NULL OR c.applicant_name ILIKE '%' || @applicant || '%'
                   OR (@applicantNumber::text IS NOT NULL AND c.application_number LIKE '%' || @applicantNumber))
          """;

    /// <summary>
    /// Verified claims in the order they were verified, each with the running sum of the amounts up to and
    /// including it, so that a page further on still shows what the claims before it would take.
    /// </summary>
    public async Task<QueuePage> VerifiedQueueAsync(int page, int pageSize)
    {
        await using var conn = await db.OpenConnectionAsync();
        var total = await ClaimStatusCounts.TotalAsync(conn, ["verified"]);
        var rows = await conn.QueryAsync<QueueRow>(QueueSql, new { pageSize, offset = (page - 1) * pageSize });
        return new QueuePage(rows.Select(r => r.ToQueued()).ToList(), page, pageSize, total);
    }

    /// <summary>In claims_verified_queue's order: the running sum reads the verified claims up to the page, never sorts them.</summary>
    internal const string QueueSql = $"""
        SELECT {Columns}, sum(c.amount) OVER (ORDER BY c.verified_at, c.id) AS cumulative
        FROM claims c WHERE c.status = 'verified'
        ORDER BY c.verified_at, c.id
        LIMIT @pageSize OFFSET @offset
        """;

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

    private static DateTime? StartOf(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime : null;
}
