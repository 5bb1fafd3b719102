using System.Text.Json;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SubsidyService.Tests.Reports;

/// <summary>
/// DESIGN.md: a request's cost does not grow with the size of a table. With 100,000 claims over two years, each
/// with its submission and (past review) verification in the history, a month's report reads the month's claims
/// and events through indexes: no sequential scan of claims or claim_events in the plans PostgreSQL chooses for the
/// very SQL the service runs. What each statement takes for a month and for a year is printed for the record.
/// </summary>
public sealed class ReportQueryPlanTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Claims = 100_000;

    [Fact]
    public async Task A_months_report_reads_claims_and_events_through_indexes()
    {
        await using var conn = await SeededAsync();
        var month = (From: new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc), To: new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        var year = (From: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), To: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var found = new List<string>();
        foreach (var (period, range) in new[] { ("month", month), ("year", year) })
        {
            var days = Enumerable.Range(0, (int)(DateTime.UtcNow - range.From).TotalDays + 2).Select(i => DateOnly.FromDateTime(range.From).AddDays(i)).ToArray();
            var ordinals = days.Select((d, i) => i).ToArray();
            foreach (var (name, sql, args) in new (string, string, object)[]
                     {
                         ("totals", ClaimTotals.Sql, new { from = range.From, to = range.To, approved = ClaimTotals.Approved }),
                         ("stage times", StageTimes.Sql, new { from = range.From, to = range.To, days, ordinals }),
                         ("export claims", PeriodClaims.Sql, new { from = range.From, to = range.To }),
                     })
            {
                var plan = await conn.QuerySingleAsync<string>("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, args, commandTimeout: 120);
                using var doc = JsonDocument.Parse(plan);
                var nodes = Nodes(doc.RootElement[0].GetProperty("Plan")).ToList();
                output.WriteLine($"{period} {name}: {doc.RootElement[0].GetProperty("Execution Time").GetDouble():F1} ms  {string.Join(" > ", nodes.Select(n => $"{n.Type}({n.Index ?? n.Relation})"))}");
                if (period == "month")
                    found.AddRange(nodes.Where(n => n.Type == "Seq Scan" && n.Relation is "claims" or "claim_events").Select(n => $"{name}: {n.Type} {n.Relation}"));
            }
        }
        found.Should().BeEmpty();
    }

    private sealed record Node(string Type, string? Relation, string? Index);

    private static IEnumerable<Node> Nodes(JsonElement node)
    {
        yield return new Node(node.GetProperty("Node Type").GetString()!,
            node.TryGetProperty("Relation Name", out var rel) ? rel.GetString() : null,
            node.TryGetProperty("Index Name", out var index) ? index.GetString() : null);
        if (!node.TryGetProperty("Plans", out var children)) yield break;
        foreach (var child in children.EnumerateArray())
            foreach (var n in Nodes(child))
                yield return n;
    }

    /// <summary>100,000 claims ten minutes apart back from 2026-01-01, a submit event each and a verify event a day later for most.</summary>
    private async Task<NpgsqlConnection> SeededAsync()
    {
        var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var applicant = await fixture.App.CreateUserAsync(SubsidyService.Accounts.Roles.Applicant);
        await conn.ExecuteAsync($"""
            INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                case_number, canonical_case_number, policy_version, amount, created_at, updated_at, submitted_at, verified_at, tier)
            SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, @applicantId,
                   (ARRAY['submitted','under_review','verified','in_public_notice','ready_for_payout','paid','rejected'])[1 + g % 7],
                   1, jsonb_build_object('caseType', 'patent_infringement'), jsonb_build_object(), 'natural_person', '申请人' || g, lpad(g::text, 18, '0'),
                   '(2023)浙02民初' || g || '号', '(2023)浙02民初' || g || '号', '2023-item13', 1000.00 + g % 997,
                   timestamptz '2026-01-01' - g * interval '10 minutes', now(), timestamptz '2026-01-01' - g * interval '10 minutes',
                   CASE WHEN g % 7 >= 2 THEN timestamptz '2026-01-01' - g * interval '10 minutes' + interval '1 day' END, 'natural_person'
            FROM generate_series(1, {Claims}) AS g;
            INSERT INTO claim_events (id, claim_id, at, actor, trigger, from_status, to_status, prev_hash, hash, hash_version)
            SELECT nextval('claim_events_id_seq'), id, submitted_at, 'seed', 'submit', 'draft', 'submitted', '', '', 1 FROM claims;
            INSERT INTO claim_events (id, claim_id, at, actor, trigger, from_status, to_status, prev_hash, hash, hash_version)
            SELECT nextval('claim_events_id_seq'), id, verified_at, 'seed', 'verify', 'under_review', 'verified', '', '', 1 FROM claims WHERE verified_at IS NOT NULL;
            ANALYZE claims, claim_events;
            """, new { applicantId = applicant.Id }, commandTimeout: 300);
        return conn;
    }
}
