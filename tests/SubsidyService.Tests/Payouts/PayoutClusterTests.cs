using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using Hangfire;
using SubsidyService.Payouts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>Payout batches on real Hangfire servers, several nodes on one database.</summary>
public sealed class PayoutClusterTests
{
    private static SubsidyApp Node(string cs, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(PayoutSetup.Settings);
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return new SubsidyApp(cs, settings: settings);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task One_request_on_a_cluster_makes_one_batch_and_each_claim_one_payment(int nodes)
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, nodes, _ => Node(cs));
        var s = await PayoutSetup.StartAsync(cluster.Nodes[0]);
        var ids = await s.ReadyClaimsAsync(300);

        var batch = await s.RunBatchThroughApiAsync();

        batch.GetProperty("claimCount").GetInt32().Should().Be(ids.Length);
        await s.EachClaimPaidOnceAsync(ids);
        await using var conn = await TestPostgres.OpenAsync(cs);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payout_batches")).Should().Be(1);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%RunBatchAsync%'"))
            .Should().Be(1, "one job per batch, never one per claim");
    }

    [Fact]
    public async Task A_batch_whose_node_stops_midway_is_finished_by_another_node_paying_each_claim_once()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var holder = Node(cs, new() { ["Payouts:ChunkSize"] = "10" });
        var s = await PayoutSetup.StartAsync(holder);
        var ids = await s.ReadyClaimsAsync(2000);
        await using var conn = await TestPostgres.OpenAsync(cs);

        var response = await s.Finance.PostAsJsonAsync("/api/v1/payout-batches", new { });
        var batchId = (await ClaimApi.JsonAsync(response)).GetProperty("id").GetGuid();
        await WaitUntilAsync(async () => await conn.ExecuteScalarAsync<int>("SELECT gathered FROM payout_batches WHERE id = @batchId", new { batchId }) > 0,
            "the holder has gathered its first chunks");
        await holder.DisposeAsync();
        var left = await conn.QuerySingleAsync<(string Status, int Gathered)>("SELECT status, gathered FROM payout_batches WHERE id = @batchId", new { batchId });
        left.Status.Should().Be("running");
        left.Gathered.Should().BeLessThan(ids.Length, "the holder stopped midway");

        await using var survivor = Node(cs, new() { ["Jobs:InvisibilityTimeout"] = "00:00:05" });
        var finance = survivor.ClientWithToken(await survivor.TokenAsync((await survivor.CreateUserAsync("finance")).Username));
        var batch = await PayoutSetup.WaitForBatchAsync(finance, batchId, TimeSpan.FromSeconds(90));

        batch.GetProperty("status").GetString().Should().Be("completed");
        batch.GetProperty("claimCount").GetInt32().Should().Be(ids.Length);
        batch.GetProperty("totalAmount").GetString().Should().Be(
            (await conn.ExecuteScalarAsync<decimal>("SELECT sum(amount) FROM claims WHERE id = ANY(@ids)", new { ids })).ToString("0.00"));
        var paid = await conn.QueryAsync<(Guid, long)>(
            "SELECT claim_id, count(*) FROM payments WHERE claim_id = ANY(@ids) GROUP BY claim_id", new { ids });
        paid.Should().HaveCount(ids.Length).And.OnlyContain(p => p.Item2 == 1);
        (await conn.ExecuteScalarAsync<int>("SELECT attempts FROM payout_batches WHERE id = @batchId", new { batchId })).Should().BeGreaterThan(1);
    }

    [Fact]
    public async Task The_same_batch_job_enqueued_twice_on_two_nodes_puts_no_claim_in_two_payments()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, 2, _ => Node(cs));
        var s = await PayoutSetup.StartAsync(cluster.Nodes[0]);
        var ids = await s.ReadyClaimsAsync(400);
        var batchId = Guid.NewGuid();
        await cluster.Nodes[0].Service<PayoutStore>().CreateBatchAsync(batchId, "manual", null, DateTime.UtcNow);

        var jobs = cluster.Nodes.Select(n => n.Service<IBackgroundJobClient>().Enqueue<PayoutBatchRunner>(r => r.RunBatchAsync(batchId, CancellationToken.None))).ToList();
        foreach (var (job, node) in jobs.Zip(cluster.Nodes)) await node.WaitForJobAsync(job, TimeSpan.FromSeconds(60));

        await s.EachClaimPaidOnceAsync(ids);
        var batch = (await cluster.Nodes[1].Service<PayoutStore>().FindAsync(batchId))!;
        batch.Status.Should().Be("completed");
        batch.ClaimCount.Should().Be(ids.Length);
        // Each delivery that finds the batch still open counts a run; one that arrives after completion stops
        // without counting, so a fast first node leaves one run.
        batch.Attempts.Should().BeInRange(1, 2);
    }

    [Fact]
    public async Task Two_batch_requests_at_the_same_moment_on_two_nodes_never_share_a_claim()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, 2, _ => Node(cs));
        var s = await PayoutSetup.StartAsync(cluster.Nodes[0]);
        var ids = await s.ReadyClaimsAsync(600);
        var other = cluster.Nodes[1].ClientWithToken(await cluster.Nodes[1].TokenAsync((await cluster.Nodes[1].CreateUserAsync("finance")).Username));

        var responses = await Task.WhenAll(
            Task.Run(() => s.Finance.PostAsJsonAsync("/api/v1/payout-batches", new { })),
            Task.Run(() => other.PostAsJsonAsync("/api/v1/payout-batches", new { })));
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Accepted);
        var batches = new List<Guid>();
        foreach (var r in responses)
        {
            var id = (await ClaimApi.JsonAsync(r)).GetProperty("id").GetGuid();
            (await PayoutSetup.WaitForBatchAsync(s.Finance, id, TimeSpan.FromSeconds(60))).GetProperty("status").GetString().Should().Be("completed");
            batches.Add(id);
        }

        await s.EachClaimPaidOnceAsync(ids);
        await using var conn = await TestPostgres.OpenAsync(cs);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM (SELECT claim_id FROM payments GROUP BY claim_id HAVING count(DISTINCT batch_id) > 1) x"))
            .Should().Be(0);
        (await conn.ExecuteScalarAsync<long>("SELECT sum(claim_count) FROM payout_batches WHERE id = ANY(@batches)", new { batches = batches.ToArray() }))
            .Should().Be(ids.Length);
    }

    [Fact]
    public async Task The_recurring_batch_fires_once_per_occurrence_across_three_nodes()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        Guid[] ids;
        await using (var setup = Node(cs))
            ids = await (await PayoutSetup.StartAsync(setup)).ReadyClaimsAsync(100);
        // Every five seconds: once the first firing has gathered the claims, later ones find nothing to pay and make no batch.
        await using var cluster = await Cluster.StartAsync(cs, 3, _ => Node(cs, new() { ["Payouts:Cron"] = "*/5 * * * * *" }));
        var s = await PayoutSetup.StartAsync(cluster.Nodes[0]);
        await using var conn = await TestPostgres.OpenAsync(cs);

        await WaitUntilAsync(async () => await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM claims WHERE id = ANY(@ids) AND status = 'in_payout'", new { ids }) == ids.Length,
            "a scheduled batch has gathered the claims", TimeSpan.FromSeconds(60));
        // A later occurrence, once it has run, is the one that would have made a second batch.
        var gatheredBy = LastRecurringJob(cluster.Nodes[0]);
        string? later = null;
        await WaitUntilAsync(() => Task.FromResult((later = LastRecurringJob(cluster.Nodes[0])) is not null && later != gatheredBy),
            "a later occurrence has fired", TimeSpan.FromSeconds(60));
        await cluster.Nodes[0].WaitForJobAsync(later!, TimeSpan.FromSeconds(60));

        var batches = (await conn.QueryAsync<(string Origin, int ClaimCount)>("SELECT origin, claim_count FROM payout_batches")).ToList();
        batches.Should().ContainSingle("three nodes firing one occurrence would have made three").Which.Origin.Should().Be("schedule");
        await s.EachClaimPaidOnceAsync(ids);
    }

    private static string? LastRecurringJob(SubsidyApp node)
    {
        using var storage = node.Service<JobStorage>().GetConnection();
        return storage.GetAllEntriesFromHash($"recurring-job:{ScheduledPayout.JobId}")?.GetValueOrDefault("LastJobId");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30))) throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
