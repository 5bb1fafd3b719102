using System.Net;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Kernel;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Payouts;

namespace SubsidyService.Tests.Claims;

/// <summary>
/// claim_status_counts, kept by triggers on claims, must always say what counting the claims says: after
/// intake, single transitions, refusals, a payout batch (the bulk path, chunk by chunk) and a rolled-back change.
/// </summary>
public sealed class ClaimStatusCountsTests(PayoutFixture fixture) : IClassFixture<PayoutFixture>
{
    private static readonly string[] Statuses = Enum.GetValues<ClaimStatus>().Select(Domain.Kernel.EnumCodes.ToCode).ToArray();

    [Fact]
    public async Task The_counts_stay_exact_through_intake_transitions_refusals_a_payout_batch_and_a_rollback()
    {
        var setup = await PayoutSetup.StartAsync(fixture.App);
        await using var conn = await TestPostgres.OpenAsync(fixture.App.ConnectionString);

        var ready = await setup.ReadyClaimsAsync(120);
        await ShouldBeExactAsync(conn, "after intake, verification, approval and 120 claims copied in one INSERT");

        var draft = await ClaimApi.CreateAsync(setup.Applicant);
        var submitted = await ClaimApi.MustFireAsync(setup.Applicant, await ClaimApi.CreateAsync(setup.Applicant), "submit");
        await ClaimApi.MustFireAsync(setup.Applicant, await ClaimApi.CreateAsync(setup.Applicant), "withdraw");
        var review = await ClaimApi.MustFireAsync(setup.People.Verifier, submitted, "start_review");
        await ShouldBeExactAsync(conn, "after single transitions");

        (await ClaimApi.FireAsync(setup.People.Verifier, draft, "start_review")).StatusCode.Should().Be((HttpStatusCode)422);
        (await ClaimApi.FireAsync(setup.People.Verifier, review.Id(), review.GetProperty("version").GetInt32() - 1, "verify"))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        await ShouldBeExactAsync(conn, "after refused transitions");

        await using (var tx = await conn.BeginTransactionAsync())
        {
            // The service's own status statement, then the transaction given up: its counts go with it.
            await ClaimStore.SetStatusAsync(conn, tx, review.Id(), ClaimStatus.Rejected, DateTime.UtcNow);
            await ClaimStore.SetStatusAsync(conn, tx, draft.Id(), ClaimStatus.Withdrawn, DateTime.UtcNow);
            await tx.RollbackAsync();
        }
        await ShouldBeExactAsync(conn, "after a rolled-back transition");

        var batch = await setup.RunBatchThroughApiAsync();
        batch.GetProperty("status").GetString().Should().Be("completed");
        (await conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM claims WHERE id = ANY(@ready) AND status = 'in_payout'", new { ready }))
            .Should().Be(ready.Length, "the batch moved every ready claim, in chunks of 50");
        await ShouldBeExactAsync(conn, "after a payout batch");

        var staff = new Actor(Guid.NewGuid(), "a", "a", Role.Auditor);
        (await fixture.App.Service<ClaimReader>().StatusCountsAsync(staff)).Should().BeEquivalentTo(await CountedAsync(conn));
        var search = fixture.App.Service<ClaimSearch>();
        (await search.CountsAsync("in_payout", "draft")).Should().BeEquivalentTo(
            (await CountedAsync(conn)).Where(c => c.Key is "in_payout" or "draft").ToDictionary(c => c.Key, c => c.Value));
        (await search.SearchAsync(ClaimQuery.OfStatuses("in_payout"))).Total.Should().Be((await CountedAsync(conn))["in_payout"]);
    }

    internal static async Task<Dictionary<string, long>> CountedAsync(NpgsqlConnection conn) =>
        (await conn.QueryAsync<(string Status, long Count)>("SELECT status, count(*) FROM claims GROUP BY status")).ToDictionary(r => r.Status, r => r.Count);

    internal static async Task ShouldBeExactAsync(NpgsqlConnection conn, string when)
    {
        var kept = (await conn.QueryAsync<(string Status, long Count)>(ClaimStatusCounts.AllSql)).ToDictionary(r => r.Status, r => r.Count);
        kept.Should().BeEquivalentTo(await CountedAsync(conn), when);
    }
}
