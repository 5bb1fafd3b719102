namespace SubsidyService.Kernel;

/// <summary>
/// The acts the security log keeps (API.md's security events): who signed in or failed to, what an administrator
/// or finance changed. Each code is the event's trigger in the chained log; the list is closed so that the auditor's
/// export can name every kind it may find.
/// </summary>
public enum SecurityAct
{
    SignIn,
    SignInFailed,
    SignInThrottled,
    SignInDisabled,
    SignOut,
    SessionsRevoked,
    PasswordChanged,
    AccountCreated,
    AccountDisabled,
    AccountEnabled,
    AccountUnlocked,
    PasswordReset,
    RoleChanged,
    PolicyVersionAdded,
    PolicyVersionEnded,
    PolicyVersionConfirmed,
    PolicyVersionWithdrawn,
    BudgetSet,
    PayoutBatchRequested,
    BankResultsImported,
    PayoutsPaused,
    PayoutsResumed,
    DatabaseRestoreDetected,
    MailResent,
    JobDashboardAction,
    SecurityEventsExported,
    DataPurged,
    AccountDeleted,
}

/// <summary>
/// Records a security act in the chained log. Features other than Audit may not reach the log, so they record
/// through this. The actor is the signed-in user of the current request unless one is given (a sign-in names
/// the user it has just checked); the client address comes from the request, after the trusted-proxy rules.
/// </summary>
public interface ISecurityEvents
{
    /// <param name="subject">What was acted on (an account id, a policy version, a year, a batch); never another person's identity in clear.</param>
    /// <param name="detail">A short note for the auditor, in words.</param>
    Task RecordAsync(SecurityAct act, string? subject = null, string? detail = null, Actor? actor = null);

    /// <summary>A keyed fingerprint, for a value (such as a name typed at a failed sign-in) the log keeps without showing.</summary>
    string Fingerprint(string value);
}
