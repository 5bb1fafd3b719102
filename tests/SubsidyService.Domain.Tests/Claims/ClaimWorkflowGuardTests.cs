using FluentAssertions;
using SubsidyService.Domain.Claims;

namespace SubsidyService.Domain.Tests.Claims;

public class ClaimWorkflowGuardTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly ClaimWorkflow Workflow = ClaimWorkflow.Instance;

    private static GuardContext Ctx(Guid? verifiedBy = null, int flags = 0, int notice = 5) =>
        new(IsOwner: false, ActorId: Me, VerifiedBy: verifiedBy ?? Guid.NewGuid(), UnresolvedFlags: flags, PublicNoticeWorkingDays: notice);

    [Fact]
    public void Verify_with_unresolved_flags_is_not_permitted_and_says_why()
    {
        var d = Workflow.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier, Ctx(flags: 2));
        d.Outcome.Should().Be(TransitionOutcome.NotPermitted);
        d.Target.Should().BeNull();
        d.Message.Should().Contain("筛查标记");
        Workflow.PermittedTriggers(ClaimStatus.UnderReview, Role.Verifier, Ctx(flags: 2)).Should().NotContain(ClaimTrigger.Verify);
    }

    [Fact]
    public void Verify_of_an_ineligible_claim_is_not_permitted_and_says_why()
    {
        var d = Workflow.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier, Ctx() with { Eligible = false });
        d.Outcome.Should().Be(TransitionOutcome.NotPermitted);
        d.Message.Should().Contain("符合补助条件");
        Workflow.PermittedTriggers(ClaimStatus.UnderReview, Role.Verifier, Ctx() with { Eligible = false })
            .Should().NotContain(ClaimTrigger.Verify).And.Contain(ClaimTrigger.Reject);
    }

    [Theory]
    [InlineData(ClaimStatus.InPublicNotice, ClaimTrigger.NoticeElapsed, ClaimStatus.ReadyForPayout)]
    [InlineData(ClaimStatus.ReadyForPayout, ClaimTrigger.IncludeInPayout, ClaimStatus.InPayout)]
    public void An_unresolved_flag_holds_a_claim_in_its_notice_and_out_of_a_payout(ClaimStatus from, ClaimTrigger trigger, ClaimStatus to)
    {
        var held = Workflow.Decide(from, trigger, Role.System, Ctx(flags: 1));
        held.Outcome.Should().Be(TransitionOutcome.NotPermitted);
        held.Message.Should().EndWith("条件未满足：所有筛查标记均已处理");
        Workflow.PermittedTriggers(from, Role.System, Ctx(flags: 1)).Should().NotContain(trigger).And.Contain(ClaimTrigger.ScreeningFlagRaised);

        Workflow.Decide(from, trigger, Role.System, Ctx()).Target.Should().Be(to);
    }

    [Fact]
    public void A_claim_with_an_unresolved_flag_is_not_included_in_a_payout()
    {
        var d = Workflow.Decide(ClaimStatus.ReadyForPayout, ClaimTrigger.IncludeInPayout, Role.System, Ctx(flags: 1));
        d.Outcome.Should().Be(TransitionOutcome.NotPermitted);
        d.Message.Should().Contain("筛查标记");
        Workflow.Decide(ClaimStatus.ReadyForPayout, ClaimTrigger.IncludeInPayout, Role.System, Ctx()).Target.Should().Be(ClaimStatus.InPayout);
    }

    [Fact]
    public void Verify_without_flags_is_permitted()
    {
        Workflow.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier, Ctx()).Target.Should().Be(ClaimStatus.Verified);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    public void The_verifier_of_the_claim_may_not_approve_it(int notice)
    {
        var d = Workflow.Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(verifiedBy: Me, notice: notice));
        d.Outcome.Should().Be(TransitionOutcome.NotPermitted);
        d.Message.Should().Contain("批准人不是本申请的审核人").And.NotContain("公示期");
    }

    [Fact]
    public void Approve_goes_to_public_notice_when_there_is_a_notice_period()
    {
        Workflow.Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(notice: 5))
            .Should().Be(new TransitionDecision(TransitionOutcome.Permitted, ClaimStatus.InPublicNotice, null));
    }

    [Fact]
    public void Approve_goes_straight_to_ready_for_payout_when_the_notice_period_is_zero()
    {
        Workflow.Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(notice: 0))
            .Should().Be(new TransitionDecision(TransitionOutcome.Permitted, ClaimStatus.ReadyForPayout, null));
    }

    [Fact]
    public void A_wrong_role_is_forbidden_before_any_guard_is_looked_at()
    {
        Workflow.Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Verifier, Ctx(verifiedBy: Me)).Outcome
            .Should().Be(TransitionOutcome.Forbidden);
    }

    [Fact]
    public void A_trigger_unknown_in_the_state_is_not_permitted_even_for_a_wrong_role()
    {
        Workflow.Decide(ClaimStatus.Paid, ClaimTrigger.Approve, Role.Applicant, Ctx()).Outcome
            .Should().Be(TransitionOutcome.NotPermitted);
    }

    [Fact]
    public void A_non_owner_applicant_is_forbidden_with_a_message()
    {
        var d = Workflow.Decide(ClaimStatus.Draft, ClaimTrigger.Submit, Role.Applicant, Ctx());
        d.Outcome.Should().Be(TransitionOutcome.Forbidden);
        d.Message.Should().Contain("申请人本人");
    }

    [Theory]
    [InlineData(ClaimTrigger.RequestSupplement, true, false)]
    [InlineData(ClaimTrigger.ResolveScreening, true, false)]
    [InlineData(ClaimTrigger.Reject, true, true)]
    [InlineData(ClaimTrigger.ReturnForReview, true, false)]
    [InlineData(ClaimTrigger.Object, true, false)]
    [InlineData(ClaimTrigger.Submit, false, false)]
    [InlineData(ClaimTrigger.Approve, false, false)]
    [InlineData(ClaimTrigger.Verify, false, false)]
    [InlineData(ClaimTrigger.Withdraw, false, false)]
    [InlineData(ClaimTrigger.SettleRecovery, true, false)]
    [InlineData(ClaimTrigger.OpenRecovery, true, false)]
    [InlineData(ClaimTrigger.CorrectBankAccount, false, false)]
    public void Reasons_are_required_where_api_md_says(ClaimTrigger trigger, bool reason, bool reasonCode)
    {
        Workflow.RequiresReason(trigger).Should().Be(reason);
        Workflow.RequiresReasonCode(trigger).Should().Be(reasonCode);
    }

    [Theory]
    [InlineData(ClaimStatus.InPublicNotice, ClaimTrigger.NoticeElapsed)]
    [InlineData(ClaimStatus.ReadyForPayout, ClaimTrigger.IncludeInPayout)]
    [InlineData(ClaimStatus.InPayout, ClaimTrigger.PaymentFailed)]
    [InlineData(ClaimStatus.Verified, ClaimTrigger.ScreeningFlagRaised)]
    public void System_triggers_are_forbidden_to_every_person(ClaimStatus from, ClaimTrigger trigger)
    {
        foreach (var role in Enum.GetValues<Role>().Where(r => r != Role.System))
            Workflow.Decide(from, trigger, role, Ctx() with { IsOwner = true }).Outcome.Should().Be(TransitionOutcome.Forbidden, $"{role}");
        Workflow.Decide(from, trigger, Role.System, Ctx()).IsPermitted.Should().BeTrue();
    }

    [Fact]
    public void A_recovery_is_opened_by_a_verifier_or_finance_never_by_the_service_alone()
    {
        Workflow.Decide(ClaimStatus.Paid, ClaimTrigger.OpenRecovery, Role.Verifier, Ctx()).IsPermitted.Should().BeTrue();
        Workflow.Decide(ClaimStatus.Paid, ClaimTrigger.OpenRecovery, Role.Finance, Ctx()).IsPermitted.Should().BeTrue();
        Workflow.Decide(ClaimStatus.Paid, ClaimTrigger.OpenRecovery, Role.System, Ctx()).Outcome.Should().Be(TransitionOutcome.Forbidden);
    }

    [Fact]
    public void A_failed_payment_is_retried_only_once_every_flag_is_resolved()
    {
        Workflow.Decide(ClaimStatus.PayoutFailed, ClaimTrigger.RetryPayment, Role.Finance, Ctx() with { UnresolvedFlags = 1 }).Outcome
            .Should().Be(TransitionOutcome.NotPermitted);
        Workflow.Decide(ClaimStatus.PayoutFailed, ClaimTrigger.RetryPayment, Role.Finance, Ctx()).Target.Should().Be(ClaimStatus.ReadyForPayout);
    }

    [Fact]
    public void Only_the_owner_corrects_the_bank_account_of_a_failed_payment()
    {
        Workflow.Decide(ClaimStatus.PayoutFailed, ClaimTrigger.CorrectBankAccount, Role.Applicant, Ctx() with { IsOwner = true })
            .Target.Should().Be(ClaimStatus.PayoutFailed);
        Workflow.Decide(ClaimStatus.PayoutFailed, ClaimTrigger.CorrectBankAccount, Role.Applicant, Ctx()).Message.Should().Contain("申请人本人");
        Workflow.Decide(ClaimStatus.PayoutFailed, ClaimTrigger.CorrectBankAccount, Role.Finance, Ctx()).Outcome.Should().Be(TransitionOutcome.Forbidden);
        Workflow.Decide(ClaimStatus.Paid, ClaimTrigger.CorrectBankAccount, Role.Applicant, Ctx() with { IsOwner = true }).Outcome
            .Should().Be(TransitionOutcome.NotPermitted);
    }

    [Fact]
    public void Facts_are_editable_only_in_draft_and_while_a_supplement_is_awaited()
    {
        Enum.GetValues<ClaimStatus>().Where(ClaimWorkflow.CanEditFacts)
            .Should().BeEquivalentTo([ClaimStatus.Draft, ClaimStatus.SupplementRequested]);
    }

    [Fact]
    public void Drafts_rejected_and_withdrawn_claims_are_not_live()
    {
        Enum.GetValues<ClaimStatus>().Where(s => !ClaimStatusGroups.IsLive(s))
            .Should().BeEquivalentTo([ClaimStatus.Draft, ClaimStatus.Rejected, ClaimStatus.Withdrawn]);
    }
}
