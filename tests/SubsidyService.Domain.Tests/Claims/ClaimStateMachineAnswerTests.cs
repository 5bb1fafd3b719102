using FluentAssertions;
using SubsidyService.Domain.Claims;

namespace SubsidyService.Domain.Tests.Claims;

/// <summary>
/// The exact answers of the layer over Stateless, on machines built in the test: which triggers are offered and in
/// what order, and the words and code of each refusal. One case a test, so one wrong answer does not hide another.
/// </summary>
public class ClaimStateMachineAnswerTests
{
    private static readonly Guid Me = Guid.Parse("00000000-0000-0000-0000-0000000000a1");

    private static GuardContext Ctx(int flags = 0, int notice = 5, bool owner = true) =>
        new(IsOwner: owner, ActorId: Me, VerifiedBy: null, UnresolvedFlags: flags, PublicNoticeWorkingDays: notice);

    /// <summary>Draft's triggers configured against enum order, and a second status configured after it.</summary>
    private static ClaimStateMachine TwoStatuses()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.Draft)
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, AllowedRoles.Of(Role.Applicant))
            .Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, AllowedRoles.Of(Role.Applicant));
        m.Configure(ClaimStatus.Submitted)
            .Permit(ClaimTrigger.StartReview, ClaimStatus.UnderReview, AllowedRoles.Of(Role.Verifier))
            .Permit(ClaimTrigger.Withdraw, ClaimStatus.Withdrawn, AllowedRoles.Of(Role.Applicant));
        return m;
    }

    /// <summary>Two targets of approve, chosen by the notice period, and a business rule on one of them.</summary>
    private static ClaimStateMachine TwoTargets()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.Verified)
            .Permit(ClaimTrigger.Approve, ClaimStatus.InPublicNotice, AllowedRoles.Of(Role.Finance),
                Condition.SelectsTarget(c => c.PublicNoticeWorkingDays > 0, "有公示期"), Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"))
            .Permit(ClaimTrigger.Approve, ClaimStatus.ReadyForPayout, AllowedRoles.Of(Role.Finance),
                Condition.SelectsTarget(c => c.PublicNoticeWorkingDays == 0, "无公示期"));
        return m;
    }

    [Fact]
    public void Permitted_triggers_come_in_enum_order_whatever_order_they_were_configured_in() =>
        TwoStatuses().PermittedTriggers(ClaimStatus.Draft, Role.Applicant, Ctx()).Should().Equal(ClaimTrigger.Submit, ClaimTrigger.Withdraw);

    [Fact]
    public void A_status_configured_first_keeps_its_triggers_once_another_is_configured() =>
        TwoStatuses().PermittedTriggers(ClaimStatus.Draft, Role.Verifier, Ctx()).Should().BeEmpty();

    [Fact]
    public void Triggers_of_another_status_are_not_offered() =>
        TwoStatuses().PermittedTriggers(ClaimStatus.Submitted, Role.Applicant, Ctx()).Should().Equal(ClaimTrigger.Withdraw);

    [Fact]
    public void Only_the_roles_own_triggers_are_offered() =>
        TwoStatuses().PermittedTriggers(ClaimStatus.Submitted, Role.Verifier, Ctx()).Should().Equal(ClaimTrigger.StartReview);

    [Fact]
    public void A_status_with_nothing_configured_offers_nothing() =>
        TwoStatuses().PermittedTriggers(ClaimStatus.Paid, Role.Applicant, Ctx()).Should().BeEmpty();

    [Fact]
    public void A_permitted_trigger_moves_to_its_target() =>
        TwoStatuses().Decide(ClaimStatus.Draft, ClaimTrigger.Submit, Role.Applicant, Ctx())
            .Should().Be(new TransitionDecision(TransitionOutcome.Permitted, ClaimStatus.Submitted, null));

    [Fact]
    public void A_trigger_not_configured_from_the_status_is_not_permitted_in_words() =>
        TwoStatuses().Decide(ClaimStatus.Submitted, ClaimTrigger.Submit, Role.Applicant, Ctx())
            .Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null, "当前状态（已提交（submitted））下不能执行“提交（submit）”"));

    [Fact]
    public void A_role_without_a_branch_is_forbidden_in_words() =>
        TwoStatuses().Decide(ClaimStatus.Submitted, ClaimTrigger.StartReview, Role.Applicant, Ctx())
            .Should().Be(new TransitionDecision(TransitionOutcome.Forbidden, null,
                "角色“申请人”不能在当前状态（已提交（submitted））下执行“开始审核（start_review）”"));

    [Fact]
    public void The_selector_picks_the_first_target() =>
        TwoTargets().Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(notice: 5)).Target.Should().Be(ClaimStatus.InPublicNotice);

    [Fact]
    public void The_selector_picks_the_second_target() =>
        TwoTargets().Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(notice: 0, flags: 3)).Target.Should().Be(ClaimStatus.ReadyForPayout);

    [Fact]
    public void An_unmet_rule_on_the_selected_branch_is_named_but_the_other_branchs_selector_is_not() =>
        TwoTargets().Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(notice: 5, flags: 1))
            .Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null, "不能执行“批准（approve）”，条件未满足：无标记"));

    [Fact]
    public void When_no_selector_holds_the_refusal_says_there_is_no_target() =>
        TwoTargets().Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(notice: -1))
            .Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null, "不能执行“批准（approve）”，条件未满足：没有满足条件的目标状态"));

    [Fact]
    public void A_trigger_with_no_selector_holding_is_not_offered() =>
        TwoTargets().PermittedTriggers(ClaimStatus.Verified, Role.Finance, Ctx(notice: -1)).Should().BeEmpty();

    [Fact]
    public void Two_unmet_rules_are_named_in_their_configured_order()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.UnderReview).Permit(ClaimTrigger.Verify, ClaimStatus.Verified, AllowedRoles.Of(Role.Verifier),
            Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"), Condition.Requires(c => c.Eligible, "符合条件"));

        m.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier, Ctx(flags: 1) with { Eligible = false }).Message
            .Should().Be("不能执行“核实（verify）”，条件未满足：无标记；符合条件");
    }

    [Fact]
    public void A_rule_shared_by_two_branches_is_named_once()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.Verified)
            .Permit(ClaimTrigger.Approve, ClaimStatus.InPublicNotice, AllowedRoles.Of(Role.Finance),
                Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"), Condition.SelectsTarget(c => c.PublicNoticeWorkingDays > 0, "有公示期"))
            .Permit(ClaimTrigger.Approve, ClaimStatus.ReadyForPayout, AllowedRoles.Of(Role.Finance),
                Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"), Condition.SelectsTarget(c => c.PublicNoticeWorkingDays <= 0, "无公示期"));

        m.Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(flags: 1)).Message
            .Should().Be("不能执行“批准（approve）”，条件未满足：无标记");
    }

    [Fact]
    public void A_refusal_carries_the_code_of_the_first_unmet_rule_that_has_one()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.UnderReview).Permit(ClaimTrigger.Verify, ClaimStatus.Verified, AllowedRoles.Of(Role.Verifier),
            Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"), Condition.Requires(c => c.Eligible, "符合条件", "not_eligible"),
            Condition.Requires(c => c.DocumentsComplete, "材料齐全", "documents_missing"));

        m.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier, Ctx(flags: 1) with { Eligible = false, MissingDocuments = [DocumentKind.Judgment] })
            .Code.Should().Be("not_eligible");
    }

    [Fact]
    public void A_refusal_of_rules_without_a_code_has_none()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.UnderReview).Permit(ClaimTrigger.Verify, ClaimStatus.Verified, AllowedRoles.Of(Role.Verifier),
            Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"), Condition.Requires(c => c.Eligible, "符合条件", "not_eligible"));

        m.Decide(ClaimStatus.UnderReview, ClaimTrigger.Verify, Role.Verifier, Ctx(flags: 1)).Code.Should().BeNull();
    }

    [Fact]
    public void An_unmet_actor_rule_is_forbidden_without_naming_the_business_rules()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.Draft).Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, AllowedRoles.Of(Role.Applicant),
            Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"), Condition.Actor(c => c.IsOwner, "仅限本人"));

        m.Decide(ClaimStatus.Draft, ClaimTrigger.Submit, Role.Applicant, Ctx(flags: 1, owner: false))
            .Should().Be(new TransitionDecision(TransitionOutcome.Forbidden, null, "不能执行“提交（submit）”：仅限本人"));
    }

    [Fact]
    public void The_roles_are_the_first_guard_the_diagram_shows()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.Draft).Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, AllowedRoles.Of(Role.Applicant),
            Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"));

        var transition = m.GetInfo().States.Single(s => (ClaimStatus)s.UnderlyingState == ClaimStatus.Draft).FixedTransitions.Single();
        transition.GuardConditionsMethodDescriptions.Select(g => g.Description).Should().Equal("applicant", "无标记");
    }
}
