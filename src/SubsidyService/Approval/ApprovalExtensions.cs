using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Letters;
using SubsidyService.Jobs;

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
        builder.Services.AddRecurringJob<NoticeSweepJob>(NoticeSweepJob.Id, "*/10 * * * *");
        builder.Services.AddHostedService<DemoBudgetSeeder>();
        return builder;
    }

    public static WebApplication MapApproval(this WebApplication app)
    {
        app.MapBudgets();
        app.MapLetterEndpoints();
        return app;
    }
}
