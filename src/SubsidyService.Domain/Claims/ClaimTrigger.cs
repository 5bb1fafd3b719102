namespace SubsidyService.Domain.Claims;

/// <summary>What may happen to a claim. The last four are fired by the scheduler as <see cref="Role.System"/>.</summary>
public enum ClaimTrigger
{
    Submit,
    Withdraw,
    StartReview,
    RequestSupplement,
    ResolveScreening,
    Verify,
    Reject,
    ReturnForReview,
    Approve,
    Object,
    RetryPayment,
    NoticeElapsed,
    IncludeInPayout,
    PaymentSucceeded,
    PaymentFailed,
}
