using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Claims;

/// <summary>
/// The one place that says what may happen to a claim (API.md's trigger table), configured on the Stateless
/// library through <see cref="ClaimStateMachine"/>. Endpoints, pages and jobs ask it; none sets a status directly.
/// </summary>
public sealed class ClaimWorkflow
{
    private static readonly IReadOnlySet<ClaimTrigger> TriggersRequiringReason = new HashSet<ClaimTrigger>
    {
        ClaimTrigger.RequestSupplement,
        ClaimTrigger.ResolveScreening,
        ClaimTrigger.Reject,
        ClaimTrigger.ReturnForReview,
        ClaimTrigger.Object,
        ClaimTrigger.SettleRecovery,
        ClaimTrigger.OpenRecovery,
    };

    /// <summary>The refusal of <c>verify</c> while a required document kind is missing (API.md), naming each kind.</summary>
    public const string DocumentsMissingCode = "documents_missing";

    private readonly ClaimStateMachine machine = new();

    private ClaimWorkflow() => Configure(machine);

    public static ClaimWorkflow Instance { get; } = new();

    /// <summary>The configured transitions and the Stateless machine behind them.</summary>
    public ClaimStateMachine Machine => machine;

    private static void Configure(ClaimStateMachine m)
    {
        var applicant = AllowedRoles.Of(Role.Applicant);
        var verifier = AllowedRoles.Of(Role.Verifier);
        var finance = AllowedRoles.Of(Role.Finance);
        var system = AllowedRoles.Of(Role.System);

        var owner = Condition.Actor(c => c.IsOwner, "仅限申请人本人");
        var notTheVerifier = Condition.Requires(c => c.VerifiedBy != c.ActorId, "批准人不是本申请的审核人");
        var flagsResolved = Condition.Requires(c => c.UnresolvedFlags == 0, "所有筛查标记均已处理");
        // A notice that ends with an objection unanswered has not ended "无异议": a person decides it first.
        var objectionsHandled = Condition.Requires(c => c.OpenObjections == 0, "公示期间收到的异议均已处理");
        var documentsComplete = Condition.Requires(c => c.DocumentsComplete, "政策版本列明的申请材料均已上传", DocumentsMissingCode);
        // A claim from before patents and opponents were asked for is screened for the same dispute before money is decided.
        var disputeIdentified = Condition.Requires(c => c.DisputeIdentified, "已载明涉案专利号和对方当事人（早于该两项设立的申请由审核人补充）");
        var disputeMissing = Condition.Requires(c => !c.DisputeIdentified, "申请未载明涉案专利号和对方当事人");
        var eligible = Condition.RequiresEvaluation(c => c.Eligible, "按核实后的事实符合补助条件（不符合的应驳回）");
        var withNotice = Condition.SelectsTarget(c => c.PublicNoticeWorkingDays > 0, "公示期大于 0 个工作日");
        var withoutNotice = Condition.SelectsTarget(c => c.PublicNoticeWorkingDays <= 0, "公示期为 0 个工作日");

        m.Configure(ClaimStatus.Draft)
            .Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, applicant, owner)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, applicant, owner);

        m.Configure(ClaimStatus.Submitted)
            .Permit(ClaimTrigger.StartReview, ClaimStatus.UnderReview, verifier)
            .Permit(ClaimTrigger.Reject, ClaimStatus.Rejected, verifier)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, applicant, owner);

        m.Configure(ClaimStatus.UnderReview)
            .Permit(ClaimTrigger.RequestSupplement, ClaimStatus.SupplementRequested, verifier)
            .PermitReentry(ClaimTrigger.ResolveScreening, verifier)
            .PermitReentry(ClaimTrigger.AddDisputeDetails, verifier, disputeMissing)
            .Permit(ClaimTrigger.Verify, ClaimStatus.Verified, verifier, documentsComplete, disputeIdentified, flagsResolved, eligible)
            .Permit(ClaimTrigger.Reject, ClaimStatus.Rejected, verifier)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, applicant, owner);

        m.Configure(ClaimStatus.SupplementRequested)
            .Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, applicant, owner)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, applicant, owner);

        m.Configure(ClaimStatus.Verified)
            .Permit(ClaimTrigger.Approve, ClaimStatus.InPublicNotice, finance, notTheVerifier, withNotice)
            .Permit(ClaimTrigger.Approve, ClaimStatus.ReadyForPayout, finance, notTheVerifier, withoutNotice)
            .Permit(ClaimTrigger.ReturnForReview, ClaimStatus.UnderReview, finance)
            // A register imported after verification can match the case: back to the verifiers.
            .Permit(ClaimTrigger.ScreeningFlagRaised, ClaimStatus.UnderReview, system)
            .Permit(ClaimTrigger.Reject, ClaimStatus.Rejected, finance);

        // A register matching an approved claim not yet paid sends it back too (the letter is revoked, the budget released);
        // a flag that does not (a co-plaintiff's claim) holds the claim where it is until a person resolves it.
        m.Configure(ClaimStatus.InPublicNotice)
            .Permit(ClaimTrigger.Object, ClaimStatus.UnderReview, AllowedRoles.Of(Role.Verifier, Role.Finance))
            .Permit(ClaimTrigger.NoticeElapsed, ClaimStatus.ReadyForPayout, system, flagsResolved, objectionsHandled)
            .Permit(ClaimTrigger.ScreeningFlagRaised, ClaimStatus.UnderReview, system);

        m.Configure(ClaimStatus.ReadyForPayout)
            .Permit(ClaimTrigger.IncludeInPayout, ClaimStatus.InPayout, system, flagsResolved)
            .Permit(ClaimTrigger.ScreeningFlagRaised, ClaimStatus.UnderReview, system);

        m.Configure(ClaimStatus.InPayout)
            .Permit(ClaimTrigger.PaymentSucceeded, ClaimStatus.Paid, system)
            .Permit(ClaimTrigger.PaymentFailed, ClaimStatus.PayoutFailed, system);

        // A corrected account raises a flag: a verifier confirms the new account before finance may retry.
        m.Configure(ClaimStatus.PayoutFailed)
            .Permit(ClaimTrigger.RetryPayment, ClaimStatus.ReadyForPayout, finance, flagsResolved)
            .PermitReentry(ClaimTrigger.CorrectBankAccount, applicant, owner)
            .PermitReentry(ClaimTrigger.ResolveScreening, verifier);

        // A paid claim cannot be sent back: money is recovered instead, when a person confirms a register's proposal
        // or opens a recovery on other grounds (a register match alone never makes anyone owe money).
        m.Configure(ClaimStatus.Paid)
            .PermitReentry(ClaimTrigger.OpenRecovery, AllowedRoles.Of(Role.Verifier, Role.Finance))
            .PermitReentry(ClaimTrigger.SettleRecovery, finance);
    }

    public TransitionDecision Decide(ClaimStatus from, ClaimTrigger trigger, Role role, GuardContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return machine.Decide(from, trigger, role, ctx);
    }

    public IReadOnlyList<ClaimTrigger> PermittedTriggers(ClaimStatus from, Role role, GuardContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return machine.PermittedTriggers(from, role, ctx);
    }

    /// <summary>
    /// Whether the applicant may still change the claim's facts and documents: before submission, and while the
    /// verifiers wait for a supplement. Once submitted again the facts are what screening and review saw.
    /// </summary>
    public static bool CanEditFacts(ClaimStatus status) => status is ClaimStatus.Draft or ClaimStatus.SupplementRequested;

    /// <summary>Triggers that carry a written reason into the claim's history.</summary>
    public bool RequiresReason(ClaimTrigger trigger) => TriggersRequiringReason.Contains(trigger);

    /// <summary>A rejection names its <see cref="ReasonCode"/> too, for the rejection letter.</summary>
    public bool RequiresReasonCode(ClaimTrigger trigger) => trigger == ClaimTrigger.Reject;

    /// <summary>The workflow as a Mermaid state diagram, from Stateless's <c>MermaidGraph</c> (see <see cref="ClaimDiagram"/>).</summary>
    public string ToMermaid() => ClaimDiagram.Format(machine.GetInfo());
}
