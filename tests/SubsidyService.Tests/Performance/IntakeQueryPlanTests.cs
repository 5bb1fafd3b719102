using System.Diagnostics;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Registers;
using SubsidyService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SubsidyService.Tests.Performance;

/// <summary>
/// DESIGN.md: a request's cost does not grow with the size of a table. With 100,000 claims on file, every
/// query of the submit path (the claim load, screening, the register lookups) must start from an index:
/// the plans PostgreSQL chooses for the very SQL text the service runs are read back and searched for a
/// sequential scan of a large table.
/// </summary>
public sealed class IntakeQueryPlanTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Claims = 100_000;

    /// <summary>A table smaller than this may be read whole; anything seeded here is far larger.</summary>
    private const long Large = 10_000;

    private static readonly string[] Watched = ["claims", "claim_invoices", "claim_case_numbers", "funding_register_rows"];

    [Fact]
    public async Task No_query_of_the_submit_path_reads_a_large_table_whole()
    {
        var clock = Stopwatch.StartNew();
        var applicant = await fixture.App.CreateUserAsync(Roles.Applicant);
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        await SeedAsync(conn, applicant.Id);
        output.WriteLine($"seeded and analysed in {clock.Elapsed.TotalSeconds:F1} s");

        var sizes = (await conn.QueryAsync<(string Name, float Rows)>(
            "SELECT relname, reltuples FROM pg_class WHERE relname = ANY(@Watched) AND relkind = 'r'", new { Watched }))
            .ToDictionary(r => r.Name, r => r.Rows);
        sizes.Should().HaveCount(Watched.Length);
        sizes.Values.Should().OnlyContain(rows => rows > Large, "the check means something only on large tables");

        var claim = Id(Claims / 2);
        var screening = new
        {
            id = claim, cases = new[] { Case(Claims / 2), Case(7) }, registerCases = new[] { Case(Claims / 2), Case(7) }, invoices = new[] { Invoice(Claims / 2), Invoice(11) },
            patents = new[] { "2020101234562" },
        };
        var queries = new List<(string Name, string Sql, object Args)>();
        queries.AddRange(ClaimReader.LoadStatements.Select((sql, i) => ($"claim load [{i}]", sql, (object)new { id = claim })));
        queries.AddRange(ScreeningQueries.OwnStatements.Select((sql, i) => ($"own numbers [{i}]", sql, (object)new { id = claim })));
        queries.Add(("live claims", ScreeningQueries.Live, screening));
        queries.Add(("register rows", FundingRegister.RowsForCasesSql, screening));
        queries.Add(("register import: claims", ScreeningQueries.ClaimsForRegisterCases,
            new { cases = new[] { Case(3), Case(4) }, statuses = new[] { "submitted", "under_review" } }));
        queries.Add(("register import: known rows", RegisterImport.KnownRows, new { cases = new[] { Case(3), Case(4) } }));
        queries.Add(("prior claims", PriorClaims.Sql, new { id = claim }));

        var scans = new List<string>();
        foreach (var (name, sql, args) in queries)
        {
            var plan = await conn.QuerySingleAsync<string>("EXPLAIN (FORMAT JSON) " + sql, args);
            output.WriteLine($"{name}: {Summary(plan)}");
            scans.AddRange(SequentialScans(plan).Where(t => sizes.GetValueOrDefault(t) > Large || Watched.Contains(t)).Select(t => $"{name}: Seq Scan on {t}"));
        }

        scans.Should().BeEmpty();
    }

    [Fact]
    public async Task The_old_screening_query_is_caught_reading_the_claims_table()
    {
        // The check itself must be able to fail: the query screening ran before (one WHERE with OR) is caught.
        var applicant = await fixture.App.CreateUserAsync(Roles.Applicant);
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        await SeedAsync(conn, applicant.Id);
        var plan = await conn.QuerySingleAsync<string>("""
            EXPLAIN (FORMAT JSON)
            SELECT c.id, coalesce(array_agg(i.invoice_key) FILTER (WHERE i.invoice_key IS NOT NULL), '{}') AS invoices
            FROM claims c LEFT JOIN claim_invoices i ON i.claim_id = c.id
            WHERE c.id <> @Id AND c.status NOT IN ('rejected', 'withdrawn')
              AND (c.canonical_case_number = @case OR c.id IN (SELECT claim_id FROM claim_invoices WHERE invoice_key = ANY(@invoices)))
            GROUP BY c.id
            """, new { Id = Id(1), @case = Case(1), invoices = new[] { Invoice(1) } });
        SequentialScans(plan).Should().Contain("claims");
    }

    private static Guid Id(int n) => Guid.Parse($"00000000-0000-4000-8000-{n:D12}");
    private static string Case(int n) => $"(2023)浙02民初{n}号";
    private static string Invoice(int n) => $"2433200{n:D13}";

    private static readonly SemaphoreSlim Seeding = new(1, 1);
    private static readonly HashSet<string> Seeded = [];

    /// <summary>
    /// 100,000 claims of every status, each with an invoice and two case numbers (one dispute, two
    /// instances), and 50,000 register rows, written by INSERT … SELECT in the database: seconds, not minutes.
    /// </summary>
    private static async Task SeedAsync(NpgsqlConnection conn, Guid applicantId)
    {
        await Seeding.WaitAsync();
        try
        {
            if (!Seeded.Add(conn.ConnectionString)) return;
            await conn.ExecuteAsync($"""
                INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                    case_number, canonical_case_number, policy_version, amount, created_at, updated_at, submitted_at)
                SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, @applicantId,
                       (ARRAY['draft','submitted','under_review','supplement_requested','verified','in_public_notice',
                              'ready_for_payout','in_payout','paid','payout_failed','rejected','withdrawn'])[1 + g % 12],
                       1, jsonb_build_object(), jsonb_build_object(), 'natural_person', '申请人' || g, lpad(g::text, 18, '0'),
                       '(2023)浙02民初' || g || '号', '(2023)浙02民初' || g || '号', '2023-item13', 1000.00, now(), now(), now()
                FROM generate_series(1, {Claims}) AS g;
                INSERT INTO claim_invoices (claim_id, position, number_digits, code, invoice_key, amount)
                SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 0, '2433200' || lpad(g::text, 13, '0'), NULL,
                       '2433200' || lpad(g::text, 13, '0'), 2000.00
                FROM generate_series(1, {Claims}) AS g;
                INSERT INTO claim_case_numbers (claim_id, canonical, is_primary)
                SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '(2023)浙02民初' || g || '号', true
                FROM generate_series(1, {Claims}) AS g
                UNION ALL
                SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, '(2024)浙民终' || g || '号', false
                FROM generate_series(1, {Claims}) AS g;
                INSERT INTO funding_register_imports (id, file_name, sha256, row_count, imported_by, imported_at)
                VALUES ('00000000-0000-4000-9000-000000000001', 'seed.csv', '', {Claims / 2}, @applicantId, now());
                INSERT INTO funding_register_rows (id, import_id, line_number, source, level, recipient_name, case_number,
                                                   canonical_case_number, amount)
                SELECT ('00000000-0000-4000-a000-' || lpad(g::text, 12, '0'))::uuid, '00000000-0000-4000-9000-000000000001', g + 1,
                       '省知识产权局', '省级', '企业' || g, '(2022)浙02民初' || (g * 2) || '号', '(2023)浙02民初' || (g * 2) || '号', 500.00
                FROM generate_series(1, {Claims / 2}) AS g;
                ANALYZE claims, claim_invoices, claim_case_numbers, funding_register_rows;
                """, new { applicantId }, commandTimeout: 120);
        }
        finally
        {
            Seeding.Release();
        }
    }

    /// <summary>The tables a plan reads by sequential scan, wherever in the tree.</summary>
    private static IEnumerable<string> SequentialScans(string planJson)
    {
        using var doc = JsonDocument.Parse(planJson);
        var found = new List<string>();
        Walk(doc.RootElement[0].GetProperty("Plan"), found);
        return found;

        static void Walk(JsonElement node, List<string> found)
        {
            if (node.GetProperty("Node Type").GetString() == "Seq Scan")
                found.Add(node.GetProperty("Relation Name").GetString()!);
            if (node.TryGetProperty("Plans", out var children))
                foreach (var child in children.EnumerateArray())
                    Walk(child, found);
        }
    }

    private static string Summary(string planJson)
    {
        using var doc = JsonDocument.Parse(planJson);
        var nodes = new List<string>();
        Walk(doc.RootElement[0].GetProperty("Plan"), nodes);
        return string.Join(" > ", nodes);

        static void Walk(JsonElement node, List<string> nodes)
        {
            var type = node.GetProperty("Node Type").GetString();
            nodes.Add(node.TryGetProperty("Index Name", out var index) ? $"{type}({index.GetString()})"
                : node.TryGetProperty("Relation Name", out var rel) ? $"{type}({rel.GetString()})" : type!);
            if (node.TryGetProperty("Plans", out var children))
                foreach (var child in children.EnumerateArray())
                    Walk(child, nodes);
        }
    }
}
