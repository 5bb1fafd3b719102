namespace SubsidyService.Claims;

/// <summary>
/// <c>data</c> of <c>screening_flag_raised</c> from a register import: the flag raised, and who imported the
/// register. Only the service fires it.
/// </summary>
public sealed record RegisterMatchData(string Code, string ImportedBy) : TriggerData;

/// <summary><c>data</c> of <c>include_in_payout</c>: the payment a batch made for the claim (the amount as text).</summary>
public sealed record PayoutInclusionData(Guid BatchId, Guid PaymentId, string Reference, string Amount) : TriggerData;

/// <summary><c>data</c> of <c>payment_succeeded</c> and <c>payment_failed</c>: the bank's result for one payment of a batch.</summary>
public sealed record PaymentResultData(Guid BatchId, Guid PaymentId, string Reference, string? BankMessage, string ImportedBy) : TriggerData;

/// <summary><c>data</c> of <c>open_recovery</c> confirming a proposal: the recovery a register match proposed.</summary>
public sealed record RecoveryConfirmationData(Guid RecoveryId) : TriggerData;

/// <summary><c>data</c> of <c>open_recovery</c> opened directly by a person: the new recovery's id, on what grounds, and how much.</summary>
public sealed record RecoveryOpeningData(Guid RecoveryId, string Grounds, decimal Amount) : TriggerData;

/// <summary><c>data</c> of <c>object</c> when a recorded objection is sustained: which objection, never who raised it.</summary>
public sealed record ObjectionSustainedData(Guid ObjectionId) : TriggerData;

/// <summary>
/// A funding register row as the recovery and the claim's history keep it (money and dates as text). The recipient
/// is another person: their identity number is kept masked, with a keyed fingerprint to match it by, never whole
/// (events written before this rule hold the number as it was imported).
/// </summary>
public sealed record FundingRegisterEntry(int Line, string Source, string Level, string RecipientName, string? RecipientId,
    string CaseNumber, string Amount, string? AwardedOn, string? Programme, string? RecipientIdFingerprint = null);
