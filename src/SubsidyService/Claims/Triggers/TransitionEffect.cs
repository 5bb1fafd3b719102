using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// What a trigger may do besides moving the status, in the order <see cref="TriggerDeclarations"/> lists them.
/// Each is carried out by the feature that owns it (the Claims feature, Approval, Recoveries, Notifications),
/// which registers an <see cref="ITransitionEffect"/> for it: Claims declares what happens, and never needs to
/// know how the budget or the letters work.
/// </summary>
public enum Effect
{
    /// <summary>The applicant's undertaking, accepted at submission (Claims).</summary>
    Undertaking,

    /// <summary>Screening for duplicates at submission (Claims).</summary>
    Screening,

    /// <summary>The application number at the first submission, the review's due date at each (Claims).</summary>
    Receipt,

    /// <summary>The verifier's designation, fee base and amount, written to the claim (Claims).</summary>
    Verification,

    /// <summary>A verifier's decision on open screening flags (Claims).</summary>
    FlagResolution,

    /// <summary>The items a supplement request asks for (Claims).</summary>
    SupplementDefects,

    /// <summary>A rejection's reason, from its code (Claims).</summary>
    RejectionReason,

    /// <summary>The payee account replaced after a failed payment (Claims).</summary>
    BankAccount,

    /// <summary>Patents and opponents added to a claim stored before they were asked for, and the dispute screened (Claims).</summary>
    DisputeDetails,

    /// <summary>The year's budget reserved and the public notice fixed (Approval).</summary>
    BudgetReservation,

    /// <summary>The numbered approval letter (Approval).</summary>
    ApprovalLetter,

    /// <summary>The rejection notice (Approval).</summary>
    RejectionLetter,

    /// <summary>An approval that no longer stands: its budget released, its letter revoked (Approval).</summary>
    ApprovalUndone,

    /// <summary>The reservation spent by a payment (Approval).</summary>
    BudgetSpent,

    /// <summary>A recovery opened on a paid claim (Recoveries).</summary>
    RecoveryOpening,

    /// <summary>The recovery notice (追回告知书) for a recovery just opened, sent with the applicant's message (Letters).</summary>
    RecoveryNotice,

    /// <summary>A recovery's settlement (Recoveries).</summary>
    RecoverySettlement,

    /// <summary>The applicant's message, by mail and in the claim's inbox (Notifications).</summary>
    Notification,
}

/// <summary>
/// A transition as an effect sees it, inside its transaction: the machine has permitted it and the claim row is
/// locked, but the status is not yet written. <see cref="Data"/> is what the caller sent with the trigger.
/// </summary>
public sealed record TransitionContext(
    NpgsqlConnection Connection,
    NpgsqlTransaction Transaction,
    ClaimRow Claim,
    Actor Actor,
    ClaimTrigger Trigger,
    ClaimStatus From,
    ClaimStatus To,
    string? Reason,
    string? ReasonCode,
    Evaluation Evaluation,
    int PublicNoticeWorkingDays,
    DateTime Now,
    TriggerData? Data,
    IReadOnlyList<FlagRow> Flags)
{
    /// <summary>What the effects so far have done: each writes its typed part, later ones and the event record read them.</summary>
    public TransitionParts Parts { get; } = new();

    /// <summary>Files an effect adds to the applicant's message about this transition (a letter).</summary>
    public List<MailAttachment> Attachments { get; } = [];

    /// <summary>The event record, once the effects before <see cref="Effect.Notification"/> have run.</summary>
    public ClaimEventData? Record { get; internal set; }

    /// <summary>
    /// Writes that wait for the transition's last batch (with the status, the event and the message), in the order
    /// added. An effect that is not <see cref="ITransitionEffect.Batched"/> runs after these are sent.
    /// </summary>
    public SqlBatch Writes { get; } = new();

    /// <summary>What the effects read in the batch that locked the claim, and in the batch after the decision.</summary>
    public TransitionParts Reads { get; init; } = new();

    /// <summary>The claim's event chain as the lock found it; its id is used by the transition's first event.</summary>
    public EventLog.ChainHead? Head { get; init; }

    /// <summary>The policy version the claim is judged by (its time limits), as the transition evaluated it.</summary>
    public PolicyVersion? Policy { get; init; }

    /// <summary>The status update also marks the claim submitted (the first submission's time is kept).</summary>
    public bool MarksSubmitted { get; set; }
}

/// <summary>
/// The parts effects write, by their type: the budget reservation, the letter, the recovery… Each part is one of
/// the records the event log keeps, so the event record is built from typed values, never from names.
/// </summary>
public sealed class TransitionParts
{
    private readonly Dictionary<Type, object> parts = [];

    public void Set<T>(T part) where T : class => parts[typeof(T)] = part;

    public T? Get<T>() where T : class => parts.TryGetValue(typeof(T), out var p) ? (T)p : null;

    public T Require<T>() where T : class =>
        Get<T>() ?? throw new InvalidOperationException($"no effect of this transition wrote a {typeof(T).Name}");
}

/// <summary>A second transition the first one entails (confirming a register match rejects the claim), decided by the same machine.</summary>
public sealed record FollowUp(ClaimTrigger Trigger, string? Reason, string? ReasonCode);

/// <summary>
/// One effect, carried out by the feature that owns it. A refusal rolls the whole transition back.
/// <see cref="RunsInBulk"/>: whether the bulk path (thousands of claims in one statement) can carry it out; an
/// effect that reads or writes per claim cannot, and a bulk trigger may declare only effects that can.
/// </summary>
public interface ITransitionEffect
{
    Effect Effect { get; }

    bool RunsInBulk => false;

    /// <summary>Whether this effect can carry out the trigger as declared (a message needs wording for the trigger's record).</summary>
    bool Handles(TriggerDeclaration declaration) => true;

    /// <returns>Null when done; otherwise why not, and the transition is rolled back.</returns>
    Task<Refusal?> ApplyAsync(TransitionContext t);

    /// <summary>
    /// Whether <see cref="ApplyAsync"/> sends nothing itself: it writes only through <see cref="TransitionContext.Writes"/>
    /// and reads only what its read hooks gathered. Any other effect runs after the writes so far are sent, in order.
    /// </summary>
    bool Batched => false;

    /// <summary>Reads by the claim's id alone, added to the batch that locks the claim (after the lock), into <paramref name="reads"/>.</summary>
    void AddLockReads(SqlBatch load, Guid claimId, TransitionParts reads) { }

    /// <summary>Reads (and locks) that need the claim as loaded, in one batch after the machine has permitted the trigger.</summary>
    void AddReads(SqlBatch batch, TransitionContext t) { }
}
