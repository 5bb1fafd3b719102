namespace SubsidyService.Budgets;

public static class BudgetsExtensions
{
    public static WebApplicationBuilder AddBudgets(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BudgetStore>();
        return builder;
    }

    public static WebApplication MapBudgets(this WebApplication app)
    {
        app.MapBudgetEndpoints();
        return app;
    }
}
