using Dapper;
using FluentAssertions;
using SubsidyService.Payouts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>Payouts:Paused (after a restore, until finance has reconciled): the schedule makes no batch.</summary>
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
}
