using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Jobs;

namespace SubsidyService.Approval;

/// <summary>Approval and the public notice; the budget and the letters it moves register themselves.</summary>
public static class ApprovalExtensions
{
    public static WebApplicationBuilder AddApproval(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ITransitionHandler, ApprovalHandler>();
        // Approval reserves from the year's budget row and, like rejection, takes the year's next letter number.
        builder.Services.AddSingleton(new SerializedTrigger(ClaimTrigger.Approve));
        builder.Services.AddSingleton(new SerializedTrigger(ClaimTrigger.Reject));
        builder.Services.AddSingleton<NoticeSweep>();
        builder.Services.AddRecurringJob<NoticeSweepJob>(NoticeSweepJob.Id, "*/10 * * * *");
        return builder;
    }
}
