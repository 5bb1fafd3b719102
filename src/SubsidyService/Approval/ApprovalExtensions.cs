using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Jobs;
using SubsidyService.Letters;

namespace SubsidyService.Approval;

/// <summary>Approval and the public notice; the budget and the letters it moves register themselves.</summary>
public static class ApprovalExtensions
{
    public static WebApplicationBuilder AddApproval(this WebApplicationBuilder builder)
    {
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
        return builder;
    }
}
