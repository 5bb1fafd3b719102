using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Payouts;
using Roles = SubsidyService.Accounts.Roles;

namespace SubsidyService.Tests.Chaos;

/// <summary>Three service processes on one database; the one running a payout batch is killed with SIGKILL.</summary>
public sealed class PayoutHostKilledTests
{
    private const int Claims = 2000;

    [Fact]
    public async Task A_batch_whose_host_is_killed_midway_is_finished_by_another_host_paying_every_claim_exactly_once()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        Guid[] ids;
        string finance;
        // The claims are prepared in process, and that node is gone before the three processes start.
        await using (var setup = new SubsidyApp(cs, settings: PayoutSetup.Settings))
        {
            ids = await (await PayoutSetup.StartAsync(setup)).ReadyClaimsAsync(Claims);
            finance = (await setup.CreateUserAsync(Roles.Finance)).Username;
        }
        var settings = new Dictionary<string, string?>(PayoutSetup.Settings)
        {
            ["Payouts:ChunkSize"] = "10",
            ["Jobs:WorkerCount"] = "2",
            ["Jobs:InvisibilityTimeout"] = "00:00:05",
        };
        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => NodeProcess.StartAsync(cs, settings)));
        try
        {
            var token = await LoginAsync(nodes[0], finance);
            using var first = nodes[0].Client(token);
            var response = await first.PostAsJsonAsync("/api/v1/payout-batches", new { });
            response.StatusCode.Should().Be(HttpStatusCode.Accepted);
            var batchId = (await ClaimApi.JsonAsync(response)).GetProperty("id").GetGuid();

            await using var conn = await TestPostgres.OpenAsync(cs);
            await WaitUntilAsync(async () => await conn.ExecuteScalarAsync<int>("SELECT gathered FROM payout_batches WHERE id = @batchId", new { batchId }) > 0,
                "the batch has gathered its first chunks");
            var pid = await RunningPidAsync(conn, batchId);
            var host = nodes.Single(n => n.Pid == pid);
            host.Kill();
            var left = await conn.QuerySingleAsync<(string Status, int Gathered)>("SELECT status, gathered FROM payout_batches WHERE id = @batchId", new { batchId });
            left.Status.Should().Be("running", "the host was killed midway");
            left.Gathered.Should().BeLessThan(ids.Length);

            var survivor = nodes.First(n => n != host);
            using var client = survivor.Client(await LoginAsync(survivor, finance));
            var batch = await PayoutSetup.WaitForBatchAsync(client, batchId, TimeSpan.FromSeconds(120));

            batch.GetProperty("status").GetString().Should().Be("completed");
            batch.GetProperty("claimCount").GetInt32().Should().Be(ids.Length);
            batch.GetProperty("attempts").GetInt32().Should().BeGreaterThan(1, "another host ran the batch again");
            var payments = (await conn.QueryAsync<(Guid ClaimId, long Count)>(
                "SELECT claim_id, count(*) FROM payments WHERE claim_id = ANY(@ids) GROUP BY claim_id", new { ids })).ToList();
            payments.Should().HaveCount(ids.Length).And.OnlyContain(p => p.Count == 1, "no claim is paid twice");
            (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = ANY(@ids) AND status = 'in_payout'", new { ids }))
                .Should().Be(ids.Length);
        }
        finally
        {
            foreach (var n in nodes) await n.DisposeAsync();
        }
    }

    /// <summary>The process whose Hangfire server is processing the batch's job (server ids are host:pid:guid).</summary>
    private static async Task<int> RunningPidAsync(Npgsql.NpgsqlConnection conn, Guid batchId)
    {
        var data = await conn.ExecuteScalarAsync<string>("""
            SELECT s.data::text FROM payout_batches b
            JOIN hangfire.job j ON j.id = b.job_id::bigint
            JOIN hangfire.state s ON s.id = j.stateid
            WHERE b.id = @batchId AND s.name = 'Processing'
            """, new { batchId });
        data.Should().NotBeNull("the batch's job is being processed");
        var serverId = JsonDocument.Parse(data!).RootElement.GetProperty("ServerId").GetString()!;
        return int.Parse(serverId.Split(':')[^2], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> LoginAsync(NodeProcess node, string username)
    {
        using var http = node.Client();
        var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { username, password = SubsidyApp.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(60)) throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
            await Task.Delay(20);
        }
    }
}
