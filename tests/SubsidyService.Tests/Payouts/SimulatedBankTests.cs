using Dapper;
using FluentAssertions;
using SubsidyService.Payouts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>The pretend bank answers a batch by itself, through the import finance uses.</summary>
public sealed class SimulatedBankTests
{
    [Fact]
    public void Which_payments_fail_depends_only_on_the_reference_and_follows_the_rate()
    {
        var references = Enumerable.Range(1, 10_000).Select(i => $"SP{i:D10}").ToList();
        var failed = references.Count(r => SimulatedBank.Fails(r, 0.2));
        failed.Should().BeInRange(1800, 2200);
        references.Where(r => SimulatedBank.Fails(r, 0.2)).Should().Equal(references.Where(r => SimulatedBank.Fails(r, 0.2)));
        references.Should().NotContain(r => SimulatedBank.Fails(r, 0.0));
        references.Should().OnlyContain(r => SimulatedBank.Fails(r, 1.0));
    }

    [Fact]
    public async Task A_simulated_channel_settles_each_batch_after_its_delay_as_the_references_decide()
    {
        var settings = new Dictionary<string, string?>(PayoutSetup.Settings)
        {
            ["Payouts:Channel"] = "simulated",
            ["Payouts:SimulatedDelaySeconds"] = "1",
            ["Payouts:SimulatedFailureRate"] = "0.3",
        };
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), settings: settings);
        var s = await PayoutSetup.StartAsync(app);
        var ids = await s.ReadyClaimsAsync(40);

        var batch = await s.RunBatchThroughApiAsync();
        batch.GetProperty("claimCount").GetInt32().Should().Be(ids.Length);

        await using var conn = await TestPostgres.OpenAsync(app.ConnectionString);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payments WHERE state = 'pending'") > 0)
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("the simulated bank did not answer");
            await Task.Delay(200);
        }
        var payments = (await conn.QueryAsync<(string Reference, string State, string Status, string? Message)>("""
            SELECT p.reference, p.state, c.status, p.bank_message FROM payments p JOIN claims c ON c.id = p.claim_id
            """)).ToList();
        payments.Should().HaveCount(ids.Length);
        foreach (var p in payments)
        {
            var fails = SimulatedBank.Fails(p.Reference, 0.3);
            (p.State, p.Status).Should().Be(fails ? ("failed", "payout_failed") : ("paid", "paid"), p.Reference);
            if (fails) p.Message.Should().Be(SimulatedBank.FailureMessage);
        }
        payments.Should().Contain(p => p.State == "failed").And.Contain(p => p.State == "paid");
        (await conn.ExecuteScalarAsync<Guid?>("SELECT imported_by FROM bank_result_imports")).Should().BeNull("the bank, not a person, answered");
    }
}
