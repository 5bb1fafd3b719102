namespace SubsidyService.Claims.Triggers;

// What the event log keeps for each kind of claim event, one record each. The JSON names are the ones the log
// has always held (camelCase, the handlers' parts nested under their old keys), so every event already stored
// reads into its record. A member added later is nullable: an older event simply lacks it.

/// <summary>A claim event's data. <see cref="ForApplicant"/> is what the claim's own applicant may see of it.</summary>
public abstract record ClaimEventData
{
    /// <summary>
    /// The applicant's view of this event's data (POLICY.md "What an applicant sees"): an allow-list, so a
    /// member added to a record stays hidden until its record says otherwise. Null hides the data altogether.
    /// </summary>
    public virtual ClaimEventData? ForApplicant() => null;
}

/// <summary>A letter issued in a transition.</summary>
public sealed record LetterRef(string Kind, string Number, string Sha256);

/// <summary>An approval that no longer stands: the budget released and the letters revoked.</summary>
public sealed record ApprovalUndone(string? Released, int? BudgetYear, IReadOnlyList<string> RevokedLetters);

/// <summary>An account as the log keeps it: the number masked, and a keyed fingerprint to match it by.</summary>
public sealed record AccountRecord(string BankName, string AccountName, string AccountNumber, string? AccountNumberFingerprint = null);

/// <summary><c>create</c> and <c>edit</c>: the amount then computed, the policy version and the payee account.</summary>
public sealed record FactsRecordedEvent(string Amount, string PolicyVersion, AccountRecord? BankAccount) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this;
}

/// <summary><c>document_added</c> and <c>document_removed</c>.</summary>
public sealed record DocumentEvent(Guid DocumentId, string Kind, string FileName, string Sha256, int? SizeBytes = null) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this;
}

/// <summary><c>screening_flag</c>: a flag raised on a claim that stays where it is (another claim's submission, a register).</summary>
public sealed record FlagNotedEvent(string Code, Guid? MatchedClaimId = null, string? ImportedBy = null) : ClaimEventData;

/// <summary><c>submit</c>: the flags screening raised, the undertaking the applicant accepted, the application number and the review's due date.</summary>
public sealed record SubmittedEvent(IReadOnlyList<string> Flags, UndertakingRecord? Undertaking = null, string? ApplicationNumber = null,
    string? ReviewDueOn = null) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this with { Flags = [] };
}

/// <summary>The undertaking (承诺书) accepted at submission: which text, by its version and SHA-256.</summary>
public sealed record UndertakingRecord(string Version, string Sha256);

/// <summary>
/// <c>add_dispute_details</c>: the patents added (public numbers) and the opponents as keyed fingerprints only, since an
/// opponent may be a person and the log cannot take a name back; the flags screening then raised.
/// </summary>
public sealed record DisputeDetailsAddedEvent(IReadOnlyList<string> PatentNumbers, IReadOnlyList<string> OpposingPartyFingerprints,
    IReadOnlyList<string> Flags) : ClaimEventData;

/// <summary><c>request_supplement</c>: what the applicant is to put right, and by when (set by the service).</summary>
public sealed record SupplementRequestedEvent(IReadOnlyList<string> Defects, string? DueOn = null) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this;
}

/// <summary><c>resolve_screening</c>: which flags, and the decision.</summary>
public sealed record ScreeningResolvedEvent(string Code, string Decision, IReadOnlyList<Guid> Flags) : ClaimEventData;

/// <summary><c>verify</c>: the bureau's designation, its basis, the fee base and the amount computed again.</summary>
public sealed record VerifiedEvent(bool MajorImpact, bool ForeignRelated, string FeeBase, string Amount, string? DesignationBasis = null)
    : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this;
}

/// <summary><c>reject</c>: the reason's code and text, and the rejection notice.</summary>
public sealed record RejectedEvent(string? ReasonCode, string? ReasonText, LetterRef? Letter = null, ApprovalUndone? ApprovalUndone = null)
    : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this with { ApprovalUndone = null };
}

/// <summary>What an approval reserved and fixed. <see cref="Remaining"/> is the county's budget left: staff only.</summary>
public sealed record ApprovalRecord(int? BudgetYear, string Reserved, string? Remaining, string? NoticeEndsOn, LetterRef? Letter = null);

/// <summary><c>approve</c>.</summary>
public sealed record ApprovedEvent(ApprovalRecord Approval) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() =>
        new ApprovedEvent(Approval with { Remaining = null, BudgetYear = null });
}

/// <summary>
/// <c>object</c> and <c>withdraw</c>: what an approval that no longer stands gave back, if there was one, and for an
/// objection sustained, which objection (its objector stays in the objection, out of the claim's history).
/// </summary>
public sealed record ApprovalWithdrawnEvent(ApprovalUndone? ApprovalUndone, Guid? ObjectionId = null) : ClaimEventData;

/// <summary>
/// <c>objection_recorded</c>: an objection received during the notice. The log cannot be taken back, so the objector
/// and the contact are kept only masked with keyed fingerprints, and the content only by its SHA-256 (it may name
/// the objector); the objection's own row holds them in clear for the staff and the auditors.
/// </summary>
public sealed record ObjectionRecordedEvent(Guid ObjectionId, string? ObjectorMasked, string? ObjectorFingerprint,
    string? ContactMasked, string? ContactFingerprint, string ContentSha256) : ClaimEventData;

/// <summary><c>objection_dismissed</c>: the objection answered and dismissed; the reply by its SHA-256 (the row keeps the text).</summary>
public sealed record ObjectionDismissedEvent(Guid ObjectionId, string ReplySha256) : ClaimEventData;

/// <summary><c>screening_flag_raised</c>: a register import sent the claim back to review.</summary>
public sealed record FlagRaisedEvent(string Code, string? ImportedBy, ApprovalUndone? ApprovalUndone = null) : ClaimEventData;

/// <summary><c>include_in_payout</c>: the payment the batch made for the claim.</summary>
public sealed record IncludedInPayoutEvent(Guid BatchId, Guid PaymentId, string Reference, string Amount) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this;
}

/// <summary>The budget a payment spent.</summary>
public sealed record BudgetSpent(int Year, string Paid);

/// <summary><c>payment_succeeded</c> and <c>payment_failed</c>: the bank's result for the claim's payment.</summary>
public sealed record PaymentResultEvent(Guid BatchId, Guid PaymentId, string Reference, string? BankMessage, string? ImportedBy,
    BudgetSpent? Budget = null) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this with { ImportedBy = null, Budget = null };
}

/// <summary><c>correct_bank_account</c>: the account replaced and the one that replaces it.</summary>
public sealed record BankAccountCorrectedEvent(AccountRecord Previous, AccountRecord Corrected) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this;
}

/// <summary>The recovery a transition opened.</summary>
public sealed record RecoveryRecord(Guid Id, string Amount);

/// <summary>
/// <c>open_recovery</c>: a recovery now owed, confirmed from a register's proposal (the register row it rests on) or
/// opened directly on its <see cref="Grounds"/>. Events written before proposals existed hold the import's ids.
/// </summary>
public sealed record RecoveryOpenedEvent(Guid? RegisterRowId, Guid? ImportId, string? ImportedBy, FundingRegisterEntry? RegisterRow,
    RecoveryRecord? Recovery = null, string? Grounds = null) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => new RecoveryAnnouncedEvent(Recovery?.Amount, Grounds);
}

/// <summary><c>recovery_proposed</c>: a register imported after payment matches the case; nobody owes anything until a person confirms.</summary>
public sealed record RecoveryProposedEvent(Guid RecoveryId, Guid RegisterRowId, Guid ImportId, FundingRegisterEntry RegisterRow, string Amount)
    : ClaimEventData;

/// <summary><c>recovery_dismissed</c>: a person found the proposal did not hold (another recipient, another case).</summary>
public sealed record RecoveryDismissedEvent(Guid RecoveryId) : ClaimEventData;

/// <summary>What the applicant sees of a recovery being opened: the amount to repay and why, nothing of the register.</summary>
public sealed record RecoveryAnnouncedEvent(string? Amount, string? Grounds = null) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => this;
}

/// <summary>How finance settled a recovery.</summary>
public sealed record SettlementRecord(Guid RecoveryId, string Method, string Amount, string? Reference, string? Note);

/// <summary><c>settle_recovery</c>: what finance sent, and the settlement recorded.</summary>
public sealed record RecoverySettledEvent(Guid? RecoveryId, string? Method, string? Amount, string? Reference, string? Note,
    SettlementRecord? Settlement = null) : ClaimEventData
{
    public override ClaimEventData? ForApplicant() => new RecoverySettledEvent(RecoveryId, Method, Amount, null, null, null);
}
