using FluentAssertions;
using SubsidyService.Domain.Claims;

namespace SubsidyService.Domain.Tests.Claims;

/// <summary>The claim workflow's exact answers where a wrong one would still look plausible: lists, words and codes.</summary>
public class ClaimWorkflowAnswerTests
{
    private static readonly Guid Me = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly ClaimWorkflow Workflow = ClaimWorkflow.Instance;

    private static GuardContext Ctx() =>
        new(IsOwner: false, ActorId: Me, VerifiedBy: Guid.Parse("00000000-0000-0000-0000-0000000000b2"), UnresolvedFlags: 0, PublicNoticeWorkingDays: 5);

    [Fact]
    public void Decide_refuses_a_missing_context_even_for_a_trigger_without_conditions()
    {
        var act = () => Workflow.Decide(ClaimStatus.Submitted, ClaimTrigger.StartReview, Role.Verifier, null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("ctx");
    }

    [Fact]
    public void Permitted_triggers_refuses_a_missing_context()
    {
        var act = () => Workflow.PermittedTriggers(ClaimStatus.Submitted, Role.Verifier, null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("ctx");
    }

    [Fact]
    public void A_verifier_is_offered_the_review_triggers_in_order() =>
        Workflow.PermittedTriggers(ClaimStatus.UnderReview, Role.Verifier, Ctx())
            .Should().Equal(ClaimTrigger.RequestSupplement, ClaimTrigger.ResolveScreening, ClaimTrigger.Verify, ClaimTrigger.Reject);

    [Fact]
    public void A_verifier_of_a_claim_without_its_dispute_is_offered_to_add_it_and_not_to_verify() =>
        Workflow.PermittedTriggers(ClaimStatus.UnderReview, Role.Verifier, Ctx() with { DisputeIdentified = false })
            .Should().Equal(ClaimTrigger.RequestSupplement, ClaimTrigger.ResolveScreening, ClaimTrigger.Reject, ClaimTrigger.AddDisputeDetails);

    [Fact]
    public void Finance_is_offered_the_decision_on_a_verified_claim_in_order() =>
        Workflow.PermittedTriggers(ClaimStatus.Verified, Role.Finance, Ctx())
            .Should().Equal(ClaimTrigger.Reject, ClaimTrigger.ReturnForReview, ClaimTrigger.Approve);

    [Fact]
    public void The_owner_is_offered_submit_and_withdraw_on_a_draft() =>
        Workflow.PermittedTriggers(ClaimStatus.Draft, Role.Applicant, Ctx() with { IsOwner = true })
            .Should().Equal(ClaimTrigger.Submit, ClaimTrigger.Withdraw);

    [Fact]
    public void Another_applicant_is_offered_nothing_on_a_draft() =>
        Workflow.PermittedTriggers(ClaimStatus.Draft, Role.Applicant, Ctx()).Should().BeEmpty();

    [Fact]
    public void A_rejected_claim_offers_nothing() =>
        Workflow.PermittedTriggers(ClaimStatus.Rejected, Role.Verifier, Ctx()).Should().BeEmpty();

    [Fact]
    public void Verify_with_a_document_missing_is_refused_with_its_own_code() =>
        Workflow.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier, Ctx() with { MissingDocuments = [DocumentKind.Judgment] })
            .Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null,
                "不能执行“核实（verify）”，条件未满足：政策版本列明的申请材料均已上传", ClaimWorkflow.DocumentsMissingCode));

    [Fact]
    public void Verify_with_a_flag_unresolved_is_refused_without_a_code() =>
        Workflow.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier, Ctx() with { UnresolvedFlags = 1 })
            .Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null, "不能执行“核实（verify）”，条件未满足：所有筛查标记均已处理"));

    [Fact]
    public void Verify_with_every_condition_unmet_names_them_in_the_configured_order() =>
        Workflow.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier,
                Ctx() with { MissingDocuments = [DocumentKind.Judgment], DisputeIdentified = false, UnresolvedFlags = 2, Eligible = false })
            .Message.Should().Be("不能执行“核实（verify）”，条件未满足：政策版本列明的申请材料均已上传；"
                                 + "已载明涉案专利号和对方当事人（早于该两项设立的申请由审核人补充）；所有筛查标记均已处理；按核实后的事实符合补助条件（不符合的应驳回）");

    [Fact]
    public void The_verifier_approving_is_refused_in_words_without_the_notice_selector() =>
        Workflow.Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx() with { VerifiedBy = Me })
            .Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null, "不能执行“批准（approve）”，条件未满足：批准人不是本申请的审核人"));

    [Fact]
    public void An_open_objection_holds_the_notice() =>
        Workflow.Decide(ClaimStatus.InPublicNotice, ClaimTrigger.NoticeElapsed, Role.System, Ctx() with { OpenObjections = 1 })
            .Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null, "不能执行“公示期满（notice_elapsed）”，条件未满足：公示期间收到的异议均已处理"));

    [Fact]
    public void Dispute_details_are_not_added_twice() =>
        Workflow.Decide(ClaimStatus.UnderReview, ClaimTrigger.AddDisputeDetails, Role.Verifier, Ctx())
            .Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null, "不能执行“补充纠纷信息（add_dispute_details）”，条件未满足：申请未载明涉案专利号和对方当事人"));

    [Fact]
    public void Another_applicant_withdrawing_is_forbidden_in_words() =>
        Workflow.Decide(ClaimStatus.Submitted, ClaimTrigger.Withdraw, Role.Applicant, Ctx())
            .Should().Be(new TransitionDecision(TransitionOutcome.Forbidden, null, "不能执行“撤回（withdraw）”：仅限申请人本人"));
}
