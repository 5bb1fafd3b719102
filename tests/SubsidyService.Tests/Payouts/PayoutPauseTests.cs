using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Payouts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Payouts;

/// <summary>
/// Payouts:Paused (configuration) stops the schedule only; the pause kept in the database, switched by an administrator
/// or finance and lifted by finance only, stops the schedule and batches requested by hand.
/// </summary>
public sealed class PayoutPauseTests
{
    [Fact]
    public async Task While_paused_the_scheduled_payout_leaves_ready_claims_unbatched_and_makes_them_once_resumed()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        Guid[] ids;
        await using (var paused = new SubsidyApp(cs, settings: new Dictionary<string, string?>(PayoutSetup.Settings) { ["Payouts:Paused"] = "true" }))
        {
            var s = await PayoutSetup.StartAsync(paused);
            ids = await s.ReadyClaimsAsync(3);

            await paused.RunRecurringJobAsync(ScheduledPayout.JobId);

            await using var conn = await TestPostgres.OpenAsync(cs);
            (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payout_batches")).Should().Be(0);
            paused.LogLines.Should().Contain(l => l.Contains("Payouts:Paused"));
        }

        await using var resumed = new SubsidyApp(cs, settings: PayoutSetup.Settings);
        await resumed.RunRecurringJobAsync(ScheduledPayout.JobId);
        await using var check = await TestPostgres.OpenAsync(cs);
        (await check.ExecuteScalarAsync<long>("SELECT count(*) FROM payout_batches")).Should().Be(1, "the same job makes a batch once the pause is lifted");
    }

    [Fact]
    public async Task An_administrator_pauses_on_the_admin_page_batches_are_refused_and_finance_resumes_on_the_payouts_page()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new SubsidyApp(cs, settings: PayoutSetup.Settings);
        var s = await PayoutSetup.StartAsync(app);
        await s.ReadyClaimsAsync(2);
        var admin = await PageBrowser.SignInAsync(app, Roles.Admin);

        var missing = await PageBrowser.HtmlOf(await admin.PostAsync("/Admin", "/Admin?handler=Pause", new Dictionary<string, string> { ["PauseReason"] = " " }));
        missing.Should().Contain("请填写原因");
        (await admin.PostAsync("/Admin", "/Admin?handler=Pause", new Dictionary<string, string> { ["PauseReason"] = "银行对账有疑问" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.HtmlAsync("/Admin")).Should().Contain("拨付已暂停").And.Contain("银行对账有疑问").And.NotContain("name=\"PauseReason\"");

        var state = await ClaimApi.JsonAsync(await s.Finance.GetAsync("/api/v1/payouts/pause"));
        state.GetProperty("paused").GetBoolean().Should().BeTrue();
        state.GetProperty("by").GetString().Should().Contain(admin.User.Username);
        (await s.Finance.PostAsJsonAsync("/api/v1/payouts/pause", new { reason = "再暂停一次" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await s.Applicant.GetAsync("/api/v1/payouts/pause")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var refused = await s.Finance.PostAsJsonAsync("/api/v1/payout-batches", new { });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ClaimApi.JsonAsync(refused)).GetProperty("detail").GetString().Should().Contain("银行对账有疑问");

        var finance = await PageBrowser.SignInAsync(app, Roles.Finance);
        var page = await finance.HtmlAsync("/Finance/Payouts");
        page.Should().Contain("card paused").And.Contain("银行对账有疑问").And.Contain("name=\"ResumeReason\"");
        (await PageBrowser.HtmlOf(await finance.PostAsync("/Finance/Payouts", "/Finance/Payouts", [])))
            .Should().Contain("拨付已暂停", "a batch started on the page is refused too");
        (await PageBrowser.HtmlOf(await finance.PostAsync("/Finance/Payouts", "/Finance/Payouts?handler=Resume",
            new Dictionary<string, string> { ["ResumeReason"] = "已核对" }))).Should().Contain("请先核对银行流水");
        (await finance.PostAsync("/Finance/Payouts", "/Finance/Payouts?handler=Resume",
            new Dictionary<string, string> { ["ResumeReason"] = "已核对，无重复", ["Reconciled"] = "true" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await finance.HtmlAsync("/Finance/Payouts")).Should().NotContain("card paused");

        await app.RunRecurringJobAsync(ScheduledPayout.JobId);
        await using var conn = await TestPostgres.OpenAsync(cs);
        (await conn.QueryAsync<string>("SELECT trigger FROM claim_events WHERE claim_id IS NULL AND trigger LIKE 'payouts_%' ORDER BY id"))
            .Should().Equal("payouts_paused", "payouts_resumed");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payout_batches")).Should().Be(1, "the schedule makes a batch once resumed");
    }

    [Fact]
    public async Task A_batch_queued_before_the_pause_is_not_started_while_paused_and_runs_once_finance_resumes()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new SubsidyApp(cs, settings: PayoutSetup.Settings);
        var s = await PayoutSetup.StartAsync(app);
        var ids = await s.ReadyClaimsAsync(2);
        var batch = Guid.NewGuid();
        await using var conn = await TestPostgres.OpenAsync(cs);
        await conn.ExecuteAsync("UPDATE payout_pause SET paused = true, reason = '测试'");
        await conn.ExecuteAsync("""
            INSERT INTO payout_batches (id, status, origin, requested_at, updated_at) VALUES (@batch, 'queued', 'manual', now(), now())
            """, new { batch });
        await app.WaitForJobAsync(app.Service<IPayoutJobs>().EnqueueBatch(batch)!);
        (await conn.ExecuteScalarAsync<string>("SELECT status FROM payout_batches WHERE id = @batch", new { batch })).Should().Be("queued");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payments")).Should().Be(0);

        (await s.Finance.PostAsJsonAsync("/api/v1/payouts/resume", new { reason = "已核对" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await PayoutSetup.WaitForBatchAsync(s.Finance, batch, TimeSpan.FromSeconds(60))).GetProperty("status").GetString().Should().Be("completed");
        await s.EachClaimPaidOnceAsync(ids);
    }
}
