using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary>The flags screening raised at submission, by code.</summary>
public sealed record RaisedFlags(IReadOnlyList<string> Codes);

/// <summary>A rejection's reason: its code and the text the letter and the applicant read.</summary>
public sealed record RejectionReason(string Code, string Text);

/// <summary>
/// The one place that says what each trigger does. Whether a trigger may be fired, from which status and by whom,
/// is <see cref="ClaimWorkflow"/>'s; what happens when it is — its effects in order, whether the bulk path may fire
/// it, and the record its event keeps — is here, one entry per trigger. <see cref="ClaimTransitions"/> (one claim)
/// and <see cref="BulkTransitions"/> (thousands in one statement) both run these entries, and
/// <see cref="TriggerDeclarationCheck"/> refuses at start-up a table that cannot be run.
/// </summary>
public static class TriggerDeclarations
{
    public static IReadOnlyDictionary<ClaimTrigger, TriggerDeclaration> All { get; } = new TriggerDeclaration[]
    {
        Declare<SubmittedEvent>(ClaimTrigger.Submit, [Effect.Undertaking, Effect.Screening, Effect.Receipt, Effect.Notification], r =>
        {
            var receipt = r.Parts.Require<ReceiptRecord>();
            return new SubmittedEvent(r.Parts.Require<RaisedFlags>().Codes, r.Parts.Require<UndertakingRecord>(), receipt.ApplicationNumber,
                Invariant.Date(receipt.ReviewDueOn));
        }),
        // A claim is withdrawn before verification, so there is no approval to undo; should one exist, it is undone.
        Declare<ApprovalWithdrawnEvent>(ClaimTrigger.Withdraw, [Effect.ApprovalUndone], Undone),
        Plain(ClaimTrigger.StartReview),
        Declare<SupplementRequestedEvent>(ClaimTrigger.RequestSupplement, [Effect.SupplementDefects, Effect.Notification],
            r => r.Parts.Require<SupplementRequestedEvent>()),
        Declare<ScreeningResolvedEvent>(ClaimTrigger.ResolveScreening, [Effect.FlagResolution],
            r => r.Parts.Require<ScreeningResolvedEvent>()),
        Declare<VerifiedEvent>(ClaimTrigger.Verify, [Effect.Verification], r => r.Parts.Require<VerifiedEvent>()),
        Declare<RejectedEvent>(ClaimTrigger.Reject, [Effect.RejectionReason, Effect.RejectionLetter, Effect.Notification], r =>
        {
            var reason = r.Parts.Require<RejectionReason>();
            return new RejectedEvent(reason.Code, reason.Text, r.Parts.Get<LetterRef>());
        }),
        Plain(ClaimTrigger.ReturnForReview),
        Declare<ApprovedEvent>(ClaimTrigger.Approve, [Effect.BudgetReservation, Effect.ApprovalLetter, Effect.Notification],
            r => new ApprovedEvent(r.Parts.Require<ApprovalRecord>() with { Letter = r.Parts.Get<LetterRef>() })),
        Declare<ApprovalWithdrawnEvent>(ClaimTrigger.Object, [Effect.ApprovalUndone],
            r => new ApprovalWithdrawnEvent(r.Parts.Get<ApprovalUndone>(), (r.Data as ObjectionSustainedData)?.ObjectionId)),
        Plain(ClaimTrigger.RetryPayment),
        Plain(ClaimTrigger.NoticeElapsed),
        Declare<IncludedInPayoutEvent>(ClaimTrigger.IncludeInPayout, [], r =>
        {
            var p = Sent<PayoutInclusionData>(r);
            return new IncludedInPayoutEvent(p.BatchId, p.PaymentId, p.Reference, p.Amount);
        }, bulk: true),
        Declare<PaymentResultEvent>(ClaimTrigger.PaymentSucceeded, [Effect.BudgetSpent, Effect.Notification],
            r => Payment(r) with { Budget = r.Parts.Get<BudgetSpent>() }),
        Declare<PaymentResultEvent>(ClaimTrigger.PaymentFailed, [Effect.Notification], Payment),
        Declare<FlagRaisedEvent>(ClaimTrigger.ScreeningFlagRaised, [Effect.ApprovalUndone], r =>
        {
            var m = Sent<RegisterMatchData>(r);
            return new FlagRaisedEvent(m.Code, m.ImportedBy, r.Parts.Get<ApprovalUndone>());
        }),
        Declare<BankAccountCorrectedEvent>(ClaimTrigger.CorrectBankAccount, [Effect.BankAccount],
            r => r.Parts.Require<BankAccountCorrectedEvent>()),
        Declare<RecoveryOpenedEvent>(ClaimTrigger.OpenRecovery, [Effect.RecoveryOpening, Effect.RecoveryNotice, Effect.Notification],
            r => r.Parts.Require<RecoveryOpenedEvent>()),
        Declare<RecoverySettledEvent>(ClaimTrigger.SettleRecovery, [Effect.RecoverySettlement], r =>
        {
            var s = r.Data as SettleRecoveryData;
            return new RecoverySettledEvent(s?.RecoveryId, s?.Method, s?.Amount, s?.Reference, s?.Note, r.Parts.Get<SettlementRecord>());
        }),
        Declare<DisputeDetailsAddedEvent>(ClaimTrigger.AddDisputeDetails, [Effect.DisputeDetails],
            r => r.Parts.Require<DisputeDetailsAddedEvent>()),
    }.ToDictionary(d => d.Trigger);

    public static TriggerDeclaration Of(ClaimTrigger trigger) =>
        All.TryGetValue(trigger, out var d) ? d : throw new InvalidOperationException($"trigger {trigger} is not declared");

    private static TriggerDeclaration Declare<TRecord>(ClaimTrigger trigger, Effect[] effects, Func<RecordInput, ClaimEventData?> record,
        bool bulk = false) where TRecord : ClaimEventData =>
        new(trigger, effects, bulk, typeof(TRecord), record);

    /// <summary>A trigger that only moves the status: no effect, no data.</summary>
    private static TriggerDeclaration Plain(ClaimTrigger trigger) => new(trigger, [], false, null, _ => null);

    private static ClaimEventData? Undone(RecordInput r) =>
        r.Parts.Get<ApprovalUndone>() is { } undone ? new ApprovalWithdrawnEvent(undone) : null;

    private static PaymentResultEvent Payment(RecordInput r)
    {
        var p = Sent<PaymentResultData>(r);
        return new PaymentResultEvent(p.BatchId, p.PaymentId, p.Reference, p.BankMessage, p.ImportedBy);
    }

    /// <summary>The data a system trigger is always fired with; its absence is the caller's bug, not the user's.</summary>
    private static T Sent<T>(RecordInput r) where T : TriggerData =>
        r.Data as T ?? throw new InvalidOperationException($"this trigger is fired by the service with a {typeof(T).Name}");
}
