namespace SubsidyService.Budgets;

/// <summary>The year's budget: its store, its endpoints and the demo's budget.</summary>
public static class BudgetsExtensions
{
    public static WebApplicationBuilder AddBudgets(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BudgetStore>();
        builder.Services.AddSingleton<BudgetUse>();
        builder.Services.AddHostedService<DemoBudgetSeeder>();
        return builder;
    }

    public static WebApplication MapBudgets(this WebApplication app)
    {
        app.MapBudgetEndpoints();
        return app;
    }
}
