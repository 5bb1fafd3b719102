using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Claims;

/// <summary>
/// The one place that says what may happen to a claim (API.md's trigger table). Endpoints, pages and
/// jobs ask it; none sets a status directly.
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
    };

    private readonly StateMachine<ClaimStatus, ClaimTrigger, Role, GuardContext> machine;

    private ClaimWorkflow()
    {
        machine = new StateMachine<ClaimStatus, ClaimTrigger, Role, GuardContext>(
            s => $"{ClaimNames.Of(s)}（{EnumCodes.ToCode(s)}）",
            t => $"{ClaimNames.Of(t)}（{EnumCodes.ToCode(t)}）",
            ClaimNames.Of);
        Configure(machine);
    }

    public static ClaimWorkflow Instance { get; } = new();

    public StateMachine<ClaimStatus, ClaimTrigger, Role, GuardContext> Machine => machine;

    private static void Configure(StateMachine<ClaimStatus, ClaimTrigger, Role, GuardContext> m)
    {
        const Role applicant = Role.Applicant, verifier = Role.Verifier, finance = Role.Finance, system = Role.System;

        m.RestrictActor(ClaimTrigger.Submit, c => c.IsOwner, "仅限申请人本人");
        m.RestrictActor(ClaimTrigger.Withdraw, c => c.IsOwner, "仅限申请人本人");
        m.RestrictActor(ClaimTrigger.CorrectBankAccount, c => c.IsOwner, "仅限申请人本人");

        var notTheVerifier = new Guard<GuardContext>(c => c.VerifiedBy != c.ActorId, "批准人不是本申请的审核人");
        var flagsResolved = new Guard<GuardContext>(c => c.UnresolvedFlags == 0, "所有筛查标记均已处理");
        var eligible = new Guard<GuardContext>(c => c.Eligible, "按核实后的事实符合补助条件（不符合的应驳回）");
        var withNotice = new Guard<GuardContext>(c => c.PublicNoticeWorkingDays > 0, "公示期大于 0 个工作日", SelectsTarget: true);
        var withoutNotice = new Guard<GuardContext>(c => c.PublicNoticeWorkingDays <= 0, "公示期为 0 个工作日", SelectsTarget: true);

        m.Configure(ClaimStatus.Draft)
            .Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, applicant)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, applicant);

        m.Configure(ClaimStatus.Submitted)
            .Permit(ClaimTrigger.StartReview, ClaimStatus.UnderReview, verifier)
            .Permit(ClaimTrigger.Reject, ClaimStatus.Rejected, verifier)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, applicant);

        m.Configure(ClaimStatus.UnderReview)
            .Permit(ClaimTrigger.RequestSupplement, ClaimStatus.SupplementRequested, verifier)
            .PermitReentry(ClaimTrigger.ResolveScreening, verifier)
            .PermitIf(ClaimTrigger.Verify, ClaimStatus.Verified, [flagsResolved, eligible], verifier)
            .Permit(ClaimTrigger.Reject, ClaimStatus.Rejected, verifier)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, applicant);

        m.Configure(ClaimStatus.SupplementRequested)
            .Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, applicant)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, applicant);

        m.Configure(ClaimStatus.Verified)
            .PermitIf(ClaimTrigger.Approve, ClaimStatus.InPublicNotice, [notTheVerifier, withNotice], finance)
            .PermitIf(ClaimTrigger.Approve, ClaimStatus.ReadyForPayout, [notTheVerifier, withoutNotice], finance)
            .Permit(ClaimTrigger.ReturnForReview, ClaimStatus.UnderReview, finance)
            // A register imported after verification can match the case: back to the verifiers.
            .Permit(ClaimTrigger.ScreeningFlagRaised, ClaimStatus.UnderReview, system)
            .Permit(ClaimTrigger.Reject, ClaimStatus.Rejected, finance);

        m.Configure(ClaimStatus.InPublicNotice)
            .Permit(ClaimTrigger.Object, ClaimStatus.UnderReview, verifier, finance)
            .Permit(ClaimTrigger.NoticeElapsed, ClaimStatus.ReadyForPayout, system);

        m.Configure(ClaimStatus.ReadyForPayout)
            // A register matched after approval leaves a flag open: no money leaves until a person settles it.
            .PermitIf(ClaimTrigger.IncludeInPayout, ClaimStatus.InPayout, [flagsResolved], system);

        m.Configure(ClaimStatus.InPayout)
            .Permit(ClaimTrigger.PaymentSucceeded, ClaimStatus.Paid, system)
            .Permit(ClaimTrigger.PaymentFailed, ClaimStatus.PayoutFailed, system);

        m.Configure(ClaimStatus.PayoutFailed)
            .PermitReentry(ClaimTrigger.CorrectBankAccount, applicant)
            .Permit(ClaimTrigger.RetryPayment, ClaimStatus.ReadyForPayout, finance);

        // Duplicate funding found after payment: the claim stays paid, the money is to be recovered.
        m.Configure(ClaimStatus.Paid)
            .PermitReentry(ClaimTrigger.OpenRecovery, system)
            .PermitReentry(ClaimTrigger.SettleRecovery, finance);
    }

    public TransitionDecision Decide(ClaimStatus from, ClaimTrigger trigger, Role role, GuardContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var d = machine.Decide(from, trigger, role, ctx);
        return new TransitionDecision(d.Outcome, d.Target, d.Message);
    }

    public IReadOnlyList<ClaimTrigger> PermittedTriggers(ClaimStatus from, Role role, GuardContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return machine.PermittedTriggers(from, role, ctx);
    }

    /// <summary>Triggers that carry a written reason into the claim's history.</summary>
    public bool RequiresReason(ClaimTrigger trigger) => TriggersRequiringReason.Contains(trigger);

    /// <summary>A rejection names its <see cref="ReasonCode"/> too, for the rejection letter.</summary>
    public bool RequiresReasonCode(ClaimTrigger trigger) => trigger == ClaimTrigger.Reject;

    public string ToMermaid() =>
        MermaidWriter.Write(machine, ClaimStatus.Draft, EnumCodes.ToCode, ClaimNames.Of, EnumCodes.ToCode, EnumCodes.ToCode);
}
