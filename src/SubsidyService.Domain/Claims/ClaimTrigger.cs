namespace SubsidyService.Domain.Claims;

/// <summary>
/// What may happen to a claim. <see cref="NoticeElapsed"/>, <see cref="IncludeInPayout"/>, <see cref="PaymentSucceeded"/>,
/// <see cref="PaymentFailed"/>, <see cref="ScreeningFlagRaised"/> and <see cref="OpenRecovery"/> are fired by the
/// service itself as <see cref="Role.System"/>: the scheduler, the payout batches, and register imports.
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

    /// <summary>The owner gives a new bank account after a failed payment; the claim stays failed until finance retries.</summary>
    CorrectBankAccount,

    /// <summary>A paid claim found duplicate-funded: a recovery (追回) of the amount is opened; the claim stays paid.</summary>
    OpenRecovery,

    /// <summary>Finance records how the recovery was settled.</summary>
    SettleRecovery,

    /// <summary>
    /// The verifier adds the patents and opponents to a claim stored before they were asked for; screening then looks
    /// for another instance of the same dispute, and verification waits for it.
    /// </summary>
    AddDisputeDetails,
}
