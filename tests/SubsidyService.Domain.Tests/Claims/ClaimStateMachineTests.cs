using FluentAssertions;
using SubsidyService.Domain.Claims;

namespace SubsidyService.Domain.Tests.Claims;

/// <summary>The project's layer over Stateless, on small machines of its own rather than the claim workflow.</summary>
public class ClaimStateMachineTests
{
    private static readonly Guid Me = Guid.NewGuid();

    private static GuardContext Ctx(int flags = 0, int notice = 5, bool owner = true) =>
        new(IsOwner: owner, ActorId: Me, VerifiedBy: null, UnresolvedFlags: flags, PublicNoticeWorkingDays: notice);

    [Fact]
    public void Guards_that_hold_together_are_a_configuration_error()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.Verified)
            .Permit(ClaimTrigger.Approve, ClaimStatus.InPublicNotice, AllowedRoles.Of(Role.Finance), Condition.SelectsTarget(c => c.PublicNoticeWorkingDays > 0, "有公示期"))
            .Permit(ClaimTrigger.Approve, ClaimStatus.ReadyForPayout, AllowedRoles.Of(Role.Finance), Condition.SelectsTarget(c => c.PublicNoticeWorkingDays > 1, "公示期大于 1"));

        m.Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(notice: 1)).Target.Should().Be(ClaimStatus.InPublicNotice);
        var act = () => m.Decide(ClaimStatus.Verified, ClaimTrigger.Approve, Role.Finance, Ctx(notice: 2));
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_transition_without_roles_is_refused_at_configuration()
    {
        var m = new ClaimStateMachine();
        var act = () => m.Configure(ClaimStatus.Draft).Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, null!);
        act.Should().Throw<ArgumentNullException>();
        m.Transitions.Should().BeEmpty();
    }

    [Fact]
    public void Every_transition_of_the_workflow_names_at_least_one_role()
    {
        ClaimWorkflow.Instance.Machine.Transitions.Should().OnlyContain(t => t.Roles.Members.Count > 0);
    }

    [Fact]
    public void Reentry_keeps_the_state()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.UnderReview).PermitReentry(ClaimTrigger.ResolveScreening, AllowedRoles.Of(Role.Verifier));
        m.Decide(ClaimStatus.UnderReview, ClaimTrigger.ResolveScreening, Role.Verifier, Ctx()).Target.Should().Be(ClaimStatus.UnderReview);
        m.Transitions.Single().IsReentry.Should().BeTrue();
    }

    [Fact]
    public void Only_the_unmet_conditions_of_the_actors_own_branch_are_named()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.InPublicNotice)
            .Permit(ClaimTrigger.Object, ClaimStatus.UnderReview, AllowedRoles.Of(Role.Verifier), Condition.Requires(c => c.UnresolvedFlags == 0, "审核条件"))
            .Permit(ClaimTrigger.Object, ClaimStatus.Rejected, AllowedRoles.Of(Role.Finance), Condition.Requires(c => c.UnresolvedFlags > 5, "财政条件"));

        var d = m.Decide(ClaimStatus.InPublicNotice, ClaimTrigger.Object, Role.Verifier, Ctx(flags: 1));
        d.Outcome.Should().Be(TransitionOutcome.NotPermitted);
        d.Message.Should().Be("不能执行“公示异议（object）”，条件未满足：审核条件");

        m.Decide(ClaimStatus.InPublicNotice, ClaimTrigger.Object, Role.Finance, Ctx(flags: 6)).Target.Should().Be(ClaimStatus.Rejected);
        m.Decide(ClaimStatus.InPublicNotice, ClaimTrigger.Object, Role.Applicant, Ctx()).Outcome.Should().Be(TransitionOutcome.Forbidden);
    }

    [Fact]
    public void An_unmet_actor_condition_is_forbidden_even_when_a_business_condition_fails_too()
    {
        var m = new ClaimStateMachine();
        m.Configure(ClaimStatus.Draft).Permit(ClaimTrigger.Submit, ClaimStatus.Submitted, AllowedRoles.Of(Role.Applicant),
            Condition.Actor(c => c.IsOwner, "仅限本人"), Condition.Requires(c => c.UnresolvedFlags == 0, "无标记"));

        var notOwner = m.Decide(ClaimStatus.Draft, ClaimTrigger.Submit, Role.Applicant, Ctx(flags: 1, owner: false));
        notOwner.Should().Be(new TransitionDecision(TransitionOutcome.Forbidden, null, "不能执行“提交（submit）”：仅限本人"));

        var owner = m.Decide(ClaimStatus.Draft, ClaimTrigger.Submit, Role.Applicant, Ctx(flags: 1));
        owner.Should().Be(new TransitionDecision(TransitionOutcome.NotPermitted, null, "不能执行“提交（submit）”，条件未满足：无标记"));
    }

    [Fact]
    public void Refusals_keep_their_wording()
    {
        var w = ClaimWorkflow.Instance;
        w.Decide(ClaimStatus.Paid, ClaimTrigger.Submit, Role.Applicant, Ctx()).Message
            .Should().Be("当前状态（已拨付（paid））下不能执行“提交（submit）”");
        w.Decide(ClaimStatus.Submitted, ClaimTrigger.StartReview, Role.Finance, Ctx()).Message
            .Should().Be("角色“财政人员”不能在当前状态（已提交（submitted））下执行“开始审核（start_review）”");
    }

    /// <summary>One machine serves every thread: the status each call passes in must not leak into another's answer.</summary>
    [Fact]
    public void Concurrent_calls_on_many_statuses_get_the_answers_a_single_thread_gets()
    {
        var w = ClaimWorkflow.Instance;
        var cases = (from s in Enum.GetValues<ClaimStatus>()
                     from t in Enum.GetValues<ClaimTrigger>()
                     from r in Enum.GetValues<Role>()
                     select (s, t, r)).ToArray();
        var expected = cases.Select(c => w.Decide(c.s, c.t, c.r, Ctx())).ToArray();
        var permitted = cases.Select(c => string.Join(",", w.PermittedTriggers(c.s, c.r, Ctx()))).ToArray();

        var mismatches = 0;
        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var k = (i * 7919) % cases.Length;
            var (s, t, r) = cases[k];
            if (w.Decide(s, t, r, Ctx()) != expected[k] || string.Join(",", w.PermittedTriggers(s, r, Ctx())) != permitted[k])
                Interlocked.Increment(ref mismatches);
        });
        mismatches.Should().Be(0);
    }
}
