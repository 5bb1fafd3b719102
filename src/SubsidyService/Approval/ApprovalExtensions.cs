using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Letters;
using SubsidyService.Operations;

namespace SubsidyService.Approval;

/// <summary>Approval, public notice and the letters and budget they move.</summary>
public static class ApprovalExtensions
{
    public static WebApplicationBuilder AddApproval(this WebApplicationBuilder builder)
    {
        builder.AddBudgets();
        builder.Services.AddSingleton<LetterNumbering>();
        builder.Services.AddLetterRendering();
        builder.Services.AddSingleton<LetterDrafting>();
        builder.Services.AddSingleton<LetterIssuer>();
        builder.Services.AddSingleton<LetterExport>();
        builder.Services.AddSingleton<ITransitionHandler, ApprovalHandler>();
        builder.Services.AddSingleton<NoticeSweep>();
        return builder;
    }

    public static WebApplication MapApproval(this WebApplication app)
    {
        app.MapBudgets();
        app.MapLetterEndpoints();
        return app;
    }

    /// <summary>The demo gets this year's budget, so that a claim can be approved straight away.</summary>
    public static async Task SeedDemoBudgetAsync(this WebApplication app, decimal amount = 500_000m)
    {
        if (!Accounts.DemoSeeder.ShouldSeed(app.Configuration, app.Services.GetRequiredService<Data.Database>())) return;
        var clock = app.Services.GetRequiredService<TimeProvider>();
        await app.Services.GetRequiredService<BudgetStore>().EnsureAsync(clock.Today().Year, amount, clock.GetUtcNow().UtcDateTime);
    }
}
