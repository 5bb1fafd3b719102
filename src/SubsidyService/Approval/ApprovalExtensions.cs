using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
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
        builder.Services.AddSingleton<ITransitionEffect, BudgetReservationEffect>();
        builder.Services.AddSingleton<ITransitionEffect>(sp => new LetterEffect(LetterIssuer.Approval,
            sp.GetRequiredService<ClaimEvaluator>(), sp.GetRequiredService<LetterIssuer>()));
        builder.Services.AddSingleton<ITransitionEffect>(sp => new LetterEffect(LetterIssuer.Rejection,
            sp.GetRequiredService<ClaimEvaluator>(), sp.GetRequiredService<LetterIssuer>()));
        builder.Services.AddSingleton<ITransitionEffect, ApprovalUndoneEffect>();
        builder.Services.AddSingleton<ITransitionEffect, BudgetSpentEffect>();
        // Approval reserves from the year's budget row and, like rejection, takes the year's next letter number.
        builder.Services.AddSingleton(new SerializedTrigger(ClaimTrigger.Approve));
        builder.Services.AddSingleton(new SerializedTrigger(ClaimTrigger.Reject));
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
