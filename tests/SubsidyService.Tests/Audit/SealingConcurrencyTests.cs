using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Tests.Claims;

namespace SubsidyService.Tests.Audit;

/// <summary>Appending and sealing under concurrency: no county-wide queue, and no event skipped by a seal.</summary>
public sealed class SealingConcurrencyTests
{
    private static async Task<(NpgsqlConnection Conn, NpgsqlTransaction Tx, long EventId)> AppendInOpenTransactionAsync(AuditDeployment d, Guid claim)
    {
        var conn = await d.App.Service<NpgsqlDataSource>().OpenConnectionAsync();
        var tx = await conn.BeginTransactionAsync();
        // A lock wait would fail the statement instead of hanging the test.
        await conn.ExecuteAsync("SET LOCAL lock_timeout = '20s'", transaction: tx);
        // As ClaimTransitions does: the claim's row lock, then the event.
        await conn.ExecuteAsync("SELECT id FROM claims WHERE id = @claim FOR UPDATE", new { claim }, tx);
        var id = await d.App.Service<EventLog>().AppendAsync(conn, tx, new NewEvent(claim, null, "测试", "note", "draft", "draft", "并发测试"));
        return (conn, tx, id);
    }

    [Fact]
    public async Task Two_claims_append_at_once_without_waiting_for_each_other_or_any_log_wide_lock()
    {
        await using var d = await AuditDeployment.StartAsync();
        var first = (await ClaimApi.CreateAsync(d.Applicant)).Id();
        var second = (await ClaimApi.CreateAsync(d.Applicant)).Id();

        var a = await AppendInOpenTransactionAsync(d, first);
        await using (a.Conn)
        {
            var advisory = await a.Conn.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()", transaction: a.Tx);
            advisory.Should().Be(0, "a claim's event is ordered by the claim's row lock alone");

            // While the first transaction is still open, a second claim's append goes through and commits.
            var b = await AppendInOpenTransactionAsync(d, second);
            await using (b.Conn) await b.Tx.CommitAsync();
            await a.Tx.CommitAsync();
        }

        var report = await d.VerifyAsync();
        report.Ok().Should().BeTrue(report.ToString());
    }

    [Fact]
    public async Task Events_of_no_claim_form_their_own_chain_behind_their_own_lock()
    {
        await using var d = await AuditDeployment.StartAsync();
        var db = d.App.Service<NpgsqlDataSource>();
        for (var i = 0; i < 3; i++)
        {
            await using var conn = await db.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await d.App.Service<EventLog>().AppendAsync(conn, tx, new NewEvent(null, null, "测试", "register_import", null, null));
            (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()", transaction: tx))
                .Should().Be(1);
            await tx.CommitAsync();
        }
        await d.ClaimUnderReviewAsync();
        await d.SealAsync();
        (await d.VerifyAsync()).Ok().Should().BeTrue();

        await using var su = await Infrastructure.TestPostgres.OpenAsync(d.SuperuserConnectionString);
        var links = (await su.QueryAsync<(string Prev, string Hash)>("SELECT prev_hash, hash FROM claim_events WHERE claim_id IS NULL ORDER BY id")).ToList();
        links[0].Prev.Should().Be(EventHash.Genesis);
        links[1].Prev.Should().Be(links[0].Hash);
        links[2].Prev.Should().Be(links[1].Hash);
    }

    [Fact]
    public async Task A_slow_transactions_event_committed_after_a_later_id_was_sealed_is_sealed_by_the_next_checkpoint()
    {
        await using var d = await AuditDeployment.StartAsync();
        var first = (await ClaimApi.CreateAsync(d.Applicant)).Id();
        var second = (await ClaimApi.CreateAsync(d.Applicant)).Id();
        await d.SealAsync();

        var slow = await AppendInOpenTransactionAsync(d, first);
        await using (slow.Conn)
        {
            var fast = await AppendInOpenTransactionAsync(d, second);
            await using (fast.Conn) await fast.Tx.CommitAsync();
            fast.EventId.Should().BeGreaterThan(slow.EventId, "the slow transaction took its id first");

            (await d.SealAsync()).Should().Be(1, "only the committed event can be sealed");
            (await SealedByAsync(d, fast.EventId)).Should().Be(2);
            await slow.Tx.CommitAsync();
        }

        var between = await d.VerifyAsync();
        between.Ok().Should().BeTrue(between.ToString());
        between.Unsealed().Should().Be(1, "the slow event is below the highest sealed id and still waits for a seal");

        (await d.SealAsync()).Should().Be(1);
        (await SealedByAsync(d, slow.EventId)).Should().Be(3);
        var report = await d.VerifyAsync();
        report.Ok().Should().BeTrue(report.ToString());
        report.Unsealed().Should().Be(0);
    }

    [Fact]
    public async Task Sealers_running_at_once_seal_each_event_exactly_once()
    {
        await using var d = await AuditDeployment.StartAsync();
        for (var i = 0; i < 4; i++) await d.ClaimUnderReviewAsync();

        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(d.SealAsync)));

        counts.Sum().Should().Be(d.SecurityEvents + 12);
        var report = await d.VerifyAsync();
        report.Ok().Should().BeTrue(report.ToString());
        report.Unsealed().Should().Be(0);
    }

    private static async Task<long?> SealedByAsync(AuditDeployment d, long eventId)
    {
        await using var conn = await Infrastructure.TestPostgres.OpenAsync(d.SuperuserConnectionString);
        return await conn.ExecuteScalarAsync<long?>("SELECT checkpoint_id FROM audit_checkpoint_events WHERE event_id = @eventId", new { eventId });
    }
}
