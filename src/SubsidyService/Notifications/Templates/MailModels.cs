namespace SubsidyService.Notifications.Templates;

// The fields each template may name (in camelCase). Amounts are formatted text (1,234.50 元 and
// 人民币壹仟贰佰叁拾肆元伍角整), dates and times are China time.

/// <summary>receipt.txt: to the applicant when a claim is submitted (or resubmitted after a supplement).</summary>
public sealed record ReceiptMail(string ApplicantName, string ClaimNumber, string CaseNumber, string SubmittedAt,
    string Amount, string AmountInWords, bool Resubmitted, string ReviewDueOn = "", int ReviewWorkingDays = 0);

/// <summary>supplement.txt: every defect at once (一次告知).</summary>
public sealed record SupplementMail(string ApplicantName, string ClaimNumber, string CaseNumber, string RequestedAt,
    string Reason, IReadOnlyList<string> Defects, string DueOn = "");

/// <summary>supplement_reminder.txt: two working days before the supplement's deadline, once per deadline.</summary>
public sealed record SupplementReminderMail(string ApplicantName, string ClaimNumber, string CaseNumber, string DueOn);

/// <summary>rejection.txt: the reason, and the rejection notice attached.</summary>
public sealed record RejectionMail(string ApplicantName, string ClaimNumber, string CaseNumber, string RejectedAt,
    string ReasonText, string Reason, IReadOnlyList<string> AttachmentNames);

/// <summary>approval.txt: the amount, when the public notice ends, the approval letter attached.</summary>
public sealed record ApprovalMail(string ApplicantName, string ClaimNumber, string CaseNumber, string Amount, string AmountInWords,
    bool InPublicNotice, string NoticeEndsOn, IReadOnlyList<string> AttachmentNames);

/// <summary>paid.txt: the money has gone out.</summary>
public sealed record PaidMail(string ApplicantName, string ClaimNumber, string CaseNumber, string Amount, string AmountInWords, string PaidOn);

/// <summary>payment_failed.txt: what went wrong and what the applicant must correct.</summary>
public sealed record PaymentFailedMail(string ApplicantName, string ClaimNumber, string CaseNumber, string Amount, string FailureReason);

/// <summary>recovery.txt: a recovery confirmed: how much, why, the undertaking it rests on, where to repay and the applicant's rights.</summary>
public sealed record RecoveryMail(string ApplicantName, string ClaimNumber, string CaseNumber, string Amount, string AmountInWords,
    string Grounds, string Reason, string UndertakingVersion, string Authority);

/// <summary>verifier_digest.txt: the verifiers' queue on a day, overdue claims marked.</summary>
public sealed record VerifierDigestMail(string VerifierName, string Day, int Count, int OverdueCount, int OverdueWorkingDays,
    IReadOnlyList<DigestLine> Claims);

public sealed record DigestLine(string CaseNumber, string ApplicantName, string Status, string SubmittedOn, int WorkingDays, bool Overdue);

/// <summary>batch_completed.txt: to finance, a payout batch has finished, with its totals.</summary>
public sealed record BatchCompletedMail(string FinanceName, string BatchNumber, string CompletedAt, int Count, string TotalAmount,
    int SucceededCount, string SucceededAmount, int FailedCount, string FailedAmount);

/// <summary>upload_budget.txt: to administrators, the day's upload budget is spent and uploads are refused until tomorrow.</summary>
public sealed record UploadBudgetMailModel(string AdminName, string Day, string Limit);
