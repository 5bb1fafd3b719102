using SubsidyService.Accounts;
using SubsidyService.Data;
using SubsidyService.Operations;

namespace SubsidyService.Budgets;

/// <summary>The demo (embedded mode, or Demo:Seed) gets this year's budget, so that a claim can be approved straight away.</summary>
public sealed class DemoBudgetSeeder(IConfiguration config, Database db, BudgetStore budgets, TimeProvider clock) : IHostedService
{
    public const decimal Amount = 500_000m;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!DemoSeeder.ShouldSeed(config, db)) return;
        await budgets.EnsureAsync(clock.Today().Year, Amount, clock.GetUtcNow().UtcDateTime);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
