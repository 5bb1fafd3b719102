using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Domain.Claims;
using SubsidyService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SubsidyService.Tests.Claims;

/// <summary>
/// claim_status_counts under many random changes made at once from several connections (so several shards):
/// single and bulk moves, updates that leave the status, inserts, deletes, commits and rollbacks. After each
/// round the table must say what counting the claims says.
/// </summary>
public sealed class ClaimStatusCountsRandomTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private static readonly string[] Statuses = Enum.GetValues<ClaimStatus>().Select(Domain.Kernel.EnumCodes.ToCode).ToArray();

    [Fact]
    public async Task Random_changes_from_several_connections_at_once_keep_the_counts_exact()
    {
        await using var conn = await TestPostgres.OpenAsync(fixture.App.ConnectionString);
        var applicant = await fixture.App.CreateUserAsync(SubsidyService.Accounts.Roles.Applicant);
        var ids = Enumerable.Range(0, 3000).Select(_ => Guid.NewGuid()).ToArray();
        await conn.ExecuteAsync($"""
            INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                case_number, canonical_case_number, policy_version, amount, created_at, updated_at)
            SELECT n.id, @applicantId, (@statuses::text[])[1 + n.ord % {Statuses.Length}], 1, jsonb_build_object(), jsonb_build_object(), 'natural_person', '随机' || n.ord,
                   lpad(n.ord::text, 18, '0'), 'R' || n.ord, 'R' || n.ord, '2023-item13', 100.00, now(), now()
            FROM unnest(@ids) WITH ORDINALITY AS n(id, ord)
            """, new { applicantId = applicant.Id, ids, statuses = Statuses });
        await ClaimStatusCountsTests.ShouldBeExactAsync(conn, "after the seed");

        var deadlocks = 0;
        var shards = new HashSet<int>();
        const int Workers = 4, Rounds = 60;
        for (var round = 0; round < 5; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
            {
                var random = new Random(round * 100 + w);
                await using var mine = await TestPostgres.OpenAsync(fixture.App.ConnectionString);
                var shard = await mine.ExecuteScalarAsync<int>("SELECT pg_backend_pid() % 64");
                lock (shards) shards.Add(shard);
                for (var i = 0; i < Rounds; i++)
                {
                    try
                    {
                        await RandomTransactionAsync(mine, random, ids, applicant.Id, w);
                    }
                    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
                    {
                        Interlocked.Increment(ref deadlocks);
                    }
                }
            }));
            await ClaimStatusCountsTests.ShouldBeExactAsync(conn, $"after round {round + 1}");
        }
        output.WriteLine($"{Workers} connections on shards {string.Join(", ", shards)}; deadlocks given up: {deadlocks}");
        // Claims are locked in id order and each connection writes its own shard: nothing to deadlock on, unless
        // two connections happened to share a shard and took two statuses' rows in opposite orders.
        if (shards.Count == Workers) deadlocks.Should().Be(0);
        (await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM claim_status_counts")).Should().BeLessThanOrEqualTo(Statuses.Length * 64);
    }

    /// <summary>
    /// One transaction of one to three statements, each moving one claim or up to 500 at once, changing no
    /// status, adding claims or deleting some of those this worker added; committed or rolled back. Every claim
    /// the transaction moves is locked first, in id order, as the service's multi-claim transactions do.
    /// </summary>
    private static async Task RandomTransactionAsync(NpgsqlConnection conn, Random random, Guid[] ids, Guid applicantId, int worker)
    {
        var sets = Enumerable.Range(0, random.Next(1, 4))
            .Select(_ => Enumerable.Range(0, random.Next(4) == 0 ? random.Next(50, 500) : 1).Select(_ => ids[random.Next(ids.Length)]).Distinct().ToArray())
            .ToList();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("SELECT 1 FROM (SELECT id FROM claims WHERE id = ANY(@all) ORDER BY id FOR UPDATE) locked",
            new { all = sets.SelectMany(x => x).Distinct().ToArray() }, tx);
        var mine = $"N{worker}";
        foreach (var picked in sets)
        {
            switch (random.Next(10))
            {
                case < 6:
                    // Each claim to a status of its own, in one statement (as a bulk transition writes many).
                    var to = picked.Select(_ => Statuses[random.Next(Statuses.Length)]).ToArray();
                    await conn.ExecuteAsync("""
                        UPDATE claims c SET status = m.target, version = c.version + 1
                        FROM unnest(@picked, @to) AS m(id, target) WHERE c.id = m.id
                        """, new { picked, to }, tx);
                    break;
                case 6:
                    await conn.ExecuteAsync("UPDATE claims SET version = version + 1, updated_at = now() WHERE id = ANY(@picked)", new { picked }, tx);
                    break;
                case 7:
                    await conn.ExecuteAsync("""
                        INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                            case_number, canonical_case_number, policy_version, amount, created_at, updated_at)
                        SELECT gen_random_uuid(), @applicantId, @status, 1, '{}', '{}', 'natural_person', '新', '0', @mine, @mine, '2023-item13', 1, now(), now()
                        FROM generate_series(1, @n)
                        """, new { applicantId, status = Statuses[random.Next(Statuses.Length)], n = random.Next(1, 30), mine }, tx);
                    break;
                case 8:
                    await conn.ExecuteAsync("DELETE FROM claims WHERE ctid IN (SELECT ctid FROM claims WHERE case_number = @mine LIMIT 5)", new { mine }, tx);
                    break;
                default:
                    await conn.ExecuteAsync("UPDATE claims SET status = status WHERE id = ANY(@picked)", new { picked }, tx);
                    break;
            }
        }
        if (random.Next(4) == 0) await tx.RollbackAsync();
        else await tx.CommitAsync();
    }

}
