using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Data;
using SubsidyService.Payouts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>
/// The runbook's restore, drilled: a database with claims in several statuses and a paid batch is dumped with
/// <c>pg_dump -Fc</c> and restored into a new database, and a node started on the copy finds the log intact, payouts
/// paused and batches refused until finance resumes; then nothing already paid is paid again.
/// </summary>
public sealed class RestoreDrillTests
{
    [Fact]
    public async Task A_node_on_a_restored_dump_verifies_the_log_starts_paused_and_pays_nothing_twice_once_finance_resumes()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        Guid[] paid;
        Guid readyBeforeDump;
        await using (var original = new SubsidyApp(cs, settings: PayoutSetup.Settings))
        {
            var s = await PayoutSetup.StartAsync(original);
            var draft = await ClaimApi.CreateAsync(s.Applicant);
            await ClaimApi.MustFireAsync(s.Applicant, await ClaimApi.CreateAsync(s.Applicant), "submit");
            await s.People.VerifiedAsync();
            paid = await s.ReadyClaimsAsync(2);
            var batch = await s.RunBatchThroughApiAsync();
            var batchId = batch.GetProperty("id").GetGuid();
            var lines = PayoutSetup.Lines(await s.FileAsync(batchId)).Skip(1);
            (await s.PostResultsAsync(batchId, PayoutSetup.Results(lines, "paid"))).StatusCode.Should().Be(HttpStatusCode.OK);
            readyBeforeDump = (await s.ReadyThroughApiAsync()).Id();
            await original.RunRecurringJobAsync(SubsidyService.Audit.CheckpointSealJob.Id);
            (await ClaimApi.GetAsync(s.Applicant, draft.Id())).Status().Should().Be("draft");
        }
        await using (var conn = await TestPostgres.OpenAsync(cs))
        {
            var statuses = (await conn.QueryAsync<string>("SELECT DISTINCT status FROM claims")).ToList();
            statuses.Should().Contain(["draft", "submitted", "verified", "ready_for_payout", "paid"]);
            (await conn.ExecuteScalarAsync<long?>("SELECT database_oid FROM payout_pause")).Should().NotBeNull("the first start stores the database's identity");
        }

        var restored = await DumpAndRestoreAsync(cs);

        await using var node = new SubsidyApp(restored, settings: PayoutSetup.Settings);
        var after = await PayoutSetup.StartAsync(node);
        var auditor = after.People.Auditor;
        var verify = await ClaimApi.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"));
        verify.GetProperty("ok").GetBoolean().Should().BeTrue(verify.ToString());
        verify.GetProperty("problems").GetArrayLength().Should().Be(0, "a restore to an earlier point is not tampering");
        verify.GetProperty("checkedCheckpoints").GetInt64().Should().BeGreaterThan(0);
        node.LogLines.Should().ContainSingle(l => l.Contains("Database restored from a backup"));

        var pause = await ClaimApi.JsonAsync(await after.Finance.GetAsync("/api/v1/payouts/pause"));
        pause.GetProperty("paused").GetBoolean().Should().BeTrue();
        pause.GetProperty("reason").GetString().Should().Contain("数据库已从备份恢复").And.Contain("请财务核对银行流水后恢复拨付");
        pause.GetProperty("by").GetString().Should().Be("系统");
        await using (var conn = await TestPostgres.OpenAsync(restored))
            (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IS NULL AND trigger = 'database_restore_detected'"))
                .Should().Be(1, "the restore is reported as such, in the chained log");

        var refused = await after.Finance.PostAsJsonAsync("/api/v1/payout-batches", new { });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = await ClaimApi.JsonAsync(refused);
        problem.GetProperty("code").GetString().Should().Be("payouts_paused");
        problem.GetProperty("detail").GetString().Should().Contain("财务").And.Contain("恢复拨付");
        var readyAfterRestore = (await after.ReadyThroughApiAsync()).Id();
        await node.RunRecurringJobAsync(ScheduledPayout.JobId);
        await using (var conn = await TestPostgres.OpenAsync(restored))
            (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payout_batches")).Should().Be(1, "the schedule makes no batch while paused");

        // Only finance resumes, with a reason: resuming is finance's word that the batches agree with the bank.
        (await Resume(auditor, "核对完毕")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await Resume((await node.ClientAsAsync(Roles.Admin)).Client, "核对完毕")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var noReason = await Resume(after.Finance, " ");
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ClaimApi.JsonAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _).Should().BeTrue();
        var resumed = await Resume(after.Finance, "已核对银行流水：恢复点前的批次均已入账，无遗漏");
        resumed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ClaimApi.JsonAsync(resumed)).GetProperty("paused").GetBoolean().Should().BeFalse();
        (await Resume(after.Finance, "再次恢复")).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var next = await after.RunBatchThroughApiAsync();
        next.GetProperty("status").GetString().Should().Be("completed");
        await using (var conn = await TestPostgres.OpenAsync(restored))
        {
            (await conn.QueryAsync<Guid>("SELECT claim_id FROM payments WHERE batch_id = @id", new { id = next.GetProperty("id").GetGuid() }))
                .Should().BeEquivalentTo([readyBeforeDump, readyAfterRestore], "the claims already paid are not in the new batch");
            (await conn.QueryAsync<Guid>("SELECT claim_id FROM payments WHERE state IN ('pending', 'paid') GROUP BY claim_id HAVING count(*) > 1"))
                .Should().BeEmpty("no claim has two live payments");
            (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payments WHERE claim_id = ANY(@paid) AND state = 'paid'", new { paid }))
                .Should().Be(paid.Length);
            (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IS NULL AND trigger = 'payouts_resumed'"))
                .Should().Be(1);
        }
        (await ClaimApi.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_node_restarted_on_the_same_database_does_not_pause_payouts()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using (var first = new SubsidyApp(cs, settings: PayoutSetup.Settings))
            first.CreateClient().Dispose();
        await using var second = new SubsidyApp(cs, settings: PayoutSetup.Settings);
        var finance = (await second.ClientAsAsync(Roles.Finance)).Client;
        (await ClaimApi.JsonAsync(await finance.GetAsync("/api/v1/payouts/pause"))).GetProperty("paused").GetBoolean().Should().BeFalse();
        second.LogLines.Should().NotContain(l => l.Contains("Database restored from a backup"));
        await using var conn = await TestPostgres.OpenAsync(cs);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE trigger = 'database_restore_detected'")).Should().Be(0);
    }

    private static Task<HttpResponseMessage> Resume(HttpClient client, string reason) =>
        client.PostAsJsonAsync("/api/v1/payouts/resume", new { reason });

    /// <summary>As the runbook does it: <c>pg_dump -Fc</c>, a new database, <c>pg_restore</c>, all as the cluster's superuser.</summary>
    private static async Task<string> DumpAndRestoreAsync(string connectionString)
    {
        var server = await TestPostgres.ServerAsync();
        var bin = PostgresBinaries.ForCluster(server.ClusterDirectory);
        var source = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var target = "r_" + Guid.NewGuid().ToString("N")[..16];
        var dump = Path.Combine(Path.GetTempPath(), $"{source}.dump");
        try
        {
            await RunAsync(bin, "pg_dump", "-Fc", "-f", dump, "-d", Conninfo(server, source));
            await using (var conn = await TestPostgres.OpenAsync(server.ConnectionString()))
                await conn.ExecuteAsync($"CREATE DATABASE {target} TEMPLATE template0 OWNER {DatabaseRoles.Owner}");
            await RunAsync(bin, "pg_restore", "--exit-on-error", "-d", Conninfo(server, target), dump);
        }
        finally
        {
            File.Delete(dump);
        }
        return new NpgsqlConnectionStringBuilder(server.ConnectionString(target)) { ConnectionIdleLifetime = 10, ConnectionPruningInterval = 5 }.ConnectionString;
    }

    private static string Conninfo(EmbeddedPostgres server, string database) =>
        $"host=127.0.0.1 port={server.Port} user=postgres password={server.Password} dbname={database}";

    private static async Task RunAsync(string bin, string program, params string[] args)
    {
        var (code, output) = await ProcessRunner.RunAsync(null, Path.Combine(bin, program), args, TimeSpan.FromMinutes(2));
        code.Should().Be(0, $"{program} failed: {output}");
    }
}
