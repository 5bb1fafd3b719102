namespace SubsidyService.Claims;

/// <summary>
/// <c>data</c> of <c>screening_flag_raised</c> from a register import: the flag raised, and who imported the
/// register. Only the service fires it.
/// </summary>
public sealed record RegisterMatchData(string Code, string ImportedBy) : TriggerData;

/// <summary><c>data</c> of <c>payment_succeeded</c> and <c>payment_failed</c>: the bank's result for one payment of a batch.</summary>
public sealed record PaymentResultData(Guid BatchId, Guid PaymentId, string Reference, string? BankMessage, string ImportedBy) : TriggerData;

/// <summary>
/// <c>data</c> of <c>open_recovery</c>: the register row, imported after payment, that shows the case funded
/// elsewhere. The recovery keeps <see cref="RegisterRow"/> as the evidence.
/// </summary>
public sealed record RecoveryOpeningData(Guid RegisterRowId, Guid ImportId, string ImportedBy, FundingRegisterEntry RegisterRow) : TriggerData;

/// <summary>A funding register row as the recovery and the claim's history show it (money and dates as text).</summary>
public sealed record FundingRegisterEntry(int Line, string Source, string Level, string RecipientName, string? RecipientId,
    string CaseNumber, string Amount, string? AwardedOn, string? Programme);
