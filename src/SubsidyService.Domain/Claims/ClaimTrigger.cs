namespace SubsidyService.Domain.Claims;

/// <summary>
/// What may happen to a claim. The last five are fired by the service itself as <see cref="Role.System"/>:
/// the scheduler, the payout batches, and a register import that matches a verified claim.
/// </summary>
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
    ScreeningFlagRaised,
    CorrectBankAccount,
    OpenRecovery,
    SettleRecovery,
}
