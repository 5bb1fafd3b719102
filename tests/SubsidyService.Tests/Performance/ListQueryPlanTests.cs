using System.Globalization;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Kernel;
using SubsidyService.Operations;
using SubsidyService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SubsidyService.Tests.Performance;

/// <summary>
/// DESIGN.md: a request's cost does not grow with the size of a table. With 100,000 claims on file, the staff
/// lists' counts and totals must not read claims at all, and the pages of their default orders, filtered by
/// the statuses the pages offer, must read an index in the list's order and stop at the page: no Sort node,
/// no sequential scan. The plans are those PostgreSQL chooses for the very SQL text the service runs.
/// </summary>
public sealed class ListQueryPlanTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Claims = 100_000;

    private static readonly Actor Verifier = new(Guid.NewGuid(), "v", "v", Role.Verifier);

    /// <summary>The finance bureau's list filters (Pages/Finance/Claims) and the auditors' (every status).</summary>
    private static readonly string[] FinanceStatuses = ["in_public_notice", "ready_for_payout", "in_payout", "payout_failed", "paid", "verified", "rejected"];

    [Fact]
    public async Task Counts_and_totals_of_status_lists_never_read_the_claims_table()
    {
        await using var conn = await SeededAsync();
        var queries = new List<(string Name, string Sql, object Args)>
        {
            ("staff counts", ClaimStatusCounts.AllSql, new { }),
            ("finance counts", ClaimStatusCounts.OfStatusesSql, new { statuses = FinanceStatuses }),
            ("verifier queue total", ClaimStatusCounts.TotalSql, new { statuses = new[] { "submitted", "under_review" } }),
            ("every claim's total", ClaimStatusCounts.TotalSql, new { statuses = Array.Empty<string>() }),
        };
        foreach (var (name, sql, args) in queries)
        {
            var plan = await PlanAsync(conn, name, sql, args);
            Relations(plan).Should().Contain("claim_status_counts", name).And.NotContain("claims", name);
        }
    }

    [Fact]
    public async Task The_default_orders_of_the_status_lists_come_from_an_index()
    {
        await using var conn = await SeededAsync();
        var queries = new List<(string Name, string Sql, DynamicParameters Args)>();

        foreach (var status in new[] { "submitted,under_review", "submitted", "under_review" })
        {
            var (sql, args) = VerifierPage(status, null);
            queries.Add(($"verifier list {status}", sql, Paged(args)));
        }
        foreach (var page in new[] { 1, 50 })
        {
            var (sql, args) = ClaimList.PageSql(ClaimSearch.QueueColumns, ClaimSearch.Verified, ClaimSearch.QueueOrder);
            queries.Add(($"finance queue, page {page}", sql, Paged(args, page)));
        }
        foreach (var status in FinanceStatuses.Append(""))
        {
            var (sql, args) = StaffPage(ClaimQuery.OfStatuses(status.Length == 0 ? [] : [status]));
            queries.Add(($"finance/auditor list '{status}'", sql, Paged(args)));
        }

        var found = new List<string>();
        foreach (var (name, sql, args) in queries)
        {
            var plan = await PlanAsync(conn, name, sql, args);
            found.AddRange(Nodes(plan).Where(n => n.Type.Contains("Sort") || (n.Type == "Seq Scan" && n.Relation == "claims"))
                .Select(n => $"{name}: {n.Type} {n.Relation}"));
            Nodes(plan).Should().Contain(n => n.Relation == "claims" && n.Type == "Index Scan", $"{name} reads claims through an index in order");
        }
        found.Should().BeEmpty();
    }

    /// <summary>
    /// A clerk types the 受理编号 the applicant reads out: with its year it names one claim, found in the unique index
    /// whatever the list's filter and order, never by reading the claims a page at a time until it turns up.
    /// </summary>
    [Fact]
    public async Task A_search_for_an_application_number_is_a_lookup_in_its_index()
    {
        await using var conn = await SeededAsync();
        var queries = new List<(string Name, string Sql, DynamicParameters Args)>();
        foreach (var term in new[] { "2026-000007", "2026-7" })
        {
            var (sql, args) = VerifierPage(null, term);
            queries.Add(($"verifier list q={term}", sql, Paged(args)));
            var (searchSql, searchArgs) = StaffPage(ClaimQuery.OfStatuses() with { Applicant = term });
            queries.Add(($"finance/auditor list applicant={term}", searchSql, Paged(searchArgs)));
        }
        foreach (var (name, sql, args) in queries)
        {
            var plan = await PlanAsync(conn, name, sql, args);
            Nodes(plan).Should().Contain(n => n.Index == "claims_application_number", name)
                .And.NotContain(n => n.Type == "Seq Scan" && n.Relation == "claims", name);
            (await conn.QueryAsync<Guid>(sql, args)).Should().ContainSingle(name)
                .Which.Should().Be(Guid.Parse("00000000-0000-4000-8000-000000000007"));
        }
    }

    [Fact]
    public async Task The_check_catches_a_count_of_the_claims_table_and_a_sorted_page()
    {
        // The checks above must be able to fail: the counts the lists ran before, and a page sorted by a column
        // no index orders, are caught.
        await using var conn = await SeededAsync();
        Relations(await PlanAsync(conn, "old counts", "SELECT status, count(*) FROM claims GROUP BY status", new { })).Should().Contain("claims");
        var (sql, args) = VerifierPage("submitted,under_review", null, ClaimSort.Parse("amount").Value);
        var sorted = await PlanAsync(conn, "by amount", sql, Paged(args));
        Nodes(sorted).Should().Contain(n => n.Type.Contains("Sort"));
    }

    /// <summary>
    /// A sort a clerk picks by clicking a column is not served by an index (eleven columns, each in two
    /// directions): it must then be a top-N sort that keeps only the page in memory, never a sort of every claim
    /// the filter finds, spilled to disk. What each costs at this size is printed for the record.
    /// </summary>
    [Fact]
    public async Task User_chosen_sorts_keep_only_the_page_in_memory()
    {
        await using var conn = await SeededAsync();
        var methods = new List<string>();
        foreach (var key in ClaimSort.Keys.SelectMany(k => new[] { k, "-" + k }))
        {
            var sort = ClaimSort.Parse(key).Value!;
            var timings = new List<string>();
            foreach (var (name, (sql, args)) in new[]
                     {
                         ("verifier all", VerifierPage(null, null, sort)),
                         ("auditor all", StaffPage(ClaimQuery.OfStatuses(), sort)),
                         ("verifier queue", VerifierPage("submitted,under_review", null, sort)),
                     })
            {
                var plan = await conn.QuerySingleAsync<string>("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, Paged(args));
                using var doc = JsonDocument.Parse(plan);
                timings.Add($"{name} {doc.RootElement[0].GetProperty("Execution Time").GetDouble(),7:F1} ms");
                methods.AddRange(SortMethods(doc.RootElement[0].GetProperty("Plan")).Select(m => $"sort {key}, {name}: {m}"));
            }
            output.WriteLine($"sort {key,-11} {string.Join("   ", timings)}");
        }
        methods.Should().NotBeEmpty("at this size the planner sorts for some of the columns, or the check means nothing");
        methods.Should().OnlyContain(m => m.EndsWith("top-N heapsort", StringComparison.Ordinal), "only the page is kept while sorting");
    }

    private static IEnumerable<string> SortMethods(JsonElement node)
    {
        if (node.TryGetProperty("Sort Method", out var method)) yield return method.GetString()!;
        if (!node.TryGetProperty("Plans", out var children)) yield break;
        foreach (var child in children.EnumerateArray())
            foreach (var m in SortMethods(child))
                yield return m;
    }

    /// <summary>A verifier's list page, as <see cref="ClaimReader.ListAsync"/> runs it.</summary>
    private static (string Sql, DynamicParameters Args) VerifierPage(string? status, string? q, ListSort? sort = null) =>
        ClaimList.PageSql(ClaimReader.SummaryColumns, ClaimReader.ListFilter(Verifier, status, q).Value!, ClaimReader.ListOrder(Verifier, sort));

    /// <summary>A finance or auditor list page, as <see cref="ClaimSearch.SearchAsync"/> runs it.</summary>
    private static (string Sql, DynamicParameters Args) StaffPage(ClaimQuery query, ListSort? sort = null) =>
        ClaimList.PageSql(ClaimSearch.Columns, query.Filter, ClaimSearch.OrderOf(sort));

    private static DynamicParameters Paged(DynamicParameters args, int page = 1)
    {
        args.Add("pageSize", ClaimReader.DefaultPageSize);
        args.Add("offset", (page - 1) * ClaimReader.DefaultPageSize);
        return args;
    }

    /// <summary>The plan as JSON, with what it took printed (run twice: the first warms the cache).</summary>
    private async Task<string> PlanAsync(NpgsqlConnection conn, string name, string sql, object args)
    {
        var ms = await TimeAsync(conn, sql, args);
        var plan = await conn.QuerySingleAsync<string>("EXPLAIN (FORMAT JSON) " + sql, args);
        output.WriteLine($"{name}: {ms:F2} ms  {string.Join(" > ", Nodes(plan).Select(n => n.Index is null && n.Relation is null ? n.Type : $"{n.Type}({n.Index ?? n.Relation})"))}");
        return plan;
    }

    private static async Task<double> TimeAsync(NpgsqlConnection conn, string sql, object args)
    {
        var ms = 0.0;
        for (var i = 0; i < 2; i++)
        {
            var text = string.Join("\n", await conn.QueryAsync<string>("EXPLAIN (ANALYZE, BUFFERS OFF) " + sql, args));
            ms = double.Parse(System.Text.RegularExpressions.Regex.Match(text, @"Execution Time: ([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        }
        return ms;
    }

    private sealed record Node(string Type, string? Relation, string? Index);

    private static List<Node> Nodes(string planJson)
    {
        using var doc = JsonDocument.Parse(planJson);
        var nodes = new List<Node>();
        Walk(doc.RootElement[0].GetProperty("Plan"), nodes);
        return nodes;

        static void Walk(JsonElement node, List<Node> nodes)
        {
            nodes.Add(new Node(node.GetProperty("Node Type").GetString()!,
                node.TryGetProperty("Relation Name", out var rel) ? rel.GetString() : null,
                node.TryGetProperty("Index Name", out var index) ? index.GetString() : null));
            if (node.TryGetProperty("Plans", out var children))
                foreach (var child in children.EnumerateArray())
                    Walk(child, nodes);
        }
    }

    private static List<string> Relations(string planJson) => Nodes(planJson).Where(n => n.Relation is not null).Select(n => n.Relation!).ToList();

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly HashSet<string> Seeded = [];

    /// <summary>
    /// 100,000 claims spread over every status, a minute apart, submitted an hour after creation (drafts never),
    /// verified a day after (those past review), written by INSERT … SELECT in the database: seconds, not minutes.
    /// </summary>
    private async Task<NpgsqlConnection> SeededAsync()
    {
        var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        await Seeding.WaitAsync();
        try
        {
            if (!Seeded.Add(fixture.ConnectionString)) return conn;
            var applicant = await fixture.App.CreateUserAsync(SubsidyService.Accounts.Roles.Applicant);
            await conn.ExecuteAsync($"""
                INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                    case_number, canonical_case_number, policy_version, amount, created_at, updated_at, submitted_at, verified_at,
                                    application_number)
                SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, @applicantId,
                       (ARRAY['draft','submitted','under_review','supplement_requested','verified','in_public_notice',
                              'ready_for_payout','in_payout','paid','payout_failed','rejected','withdrawn'])[1 + g % 12],
                       1, jsonb_build_object(), jsonb_build_object(), 'natural_person', '申请人' || g, lpad(g::text, 18, '0'),
                       '(2023)浙02民初' || g || '号', '(2023)浙02民初' || g || '号', '2023-item13', 1000.00 + g % 997,
                       now() - g * interval '1 minute', now(),
                       CASE WHEN g % 12 <> 0 THEN now() - g * interval '1 minute' + interval '1 hour' END,
                       CASE WHEN g % 12 >= 4 THEN now() - g * interval '1 minute' + interval '1 day' END,
                       CASE WHEN g % 12 <> 0 THEN '2026-' || lpad(g::text, 6, '0') END
                FROM generate_series(1, {Claims}) AS g;
                ANALYZE claims, claim_status_counts;
                """, new { applicantId = applicant.Id }, commandTimeout: 120);
            return conn;
        }
        finally
        {
            Seeding.Release();
        }
    }
}
