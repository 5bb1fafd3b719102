using FluentAssertions;
using SubsidyService.Domain.Claims;
using static SubsidyService.Domain.Claims.ClaimStatus;
using static SubsidyService.Domain.Claims.ClaimTrigger;
using static SubsidyService.Domain.Claims.Role;

namespace SubsidyService.Domain.Tests.Claims;

/// <summary>
/// Checks every (status, trigger, role, owner) combination against API.md's trigger table, transcribed
/// here independently of ClaimWorkflow's configuration.
/// </summary>
public class ClaimWorkflowTableTests
{
    private static readonly Guid Actor = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid OtherVerifier = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    private sealed record Allowed(ClaimTrigger Trigger, ClaimStatus From, Role[] Roles, ClaimStatus To, bool OwnerOnly = false);

    private static readonly Allowed[] ApiTable =
    [
        new(Submit, Draft, [Applicant], Submitted, OwnerOnly: true),
        new(Submit, SupplementRequested, [Applicant], Submitted, OwnerOnly: true),
        new(Withdraw, Draft, [Applicant], Withdrawn, OwnerOnly: true),
        new(Withdraw, Submitted, [Applicant], Withdrawn, OwnerOnly: true),
        new(Withdraw, UnderReview, [Applicant], Withdrawn, OwnerOnly: true),
        new(Withdraw, SupplementRequested, [Applicant], Withdrawn, OwnerOnly: true),
        new(StartReview, Submitted, [Verifier], UnderReview),
        new(RequestSupplement, UnderReview, [Verifier], SupplementRequested),
        new(ResolveScreening, UnderReview, [Verifier], UnderReview),
        new(ResolveScreening, PayoutFailed, [Verifier], PayoutFailed),
        new(AddDisputeDetails, UnderReview, [Verifier], UnderReview),
        new(Verify, UnderReview, [Verifier], Verified),
        new(Reject, Submitted, [Verifier], Rejected),
        new(Reject, UnderReview, [Verifier], Rejected),
        new(Reject, Verified, [Finance], Rejected),
        new(ReturnForReview, Verified, [Finance], UnderReview),
        new(Approve, Verified, [Finance], InPublicNotice),
        new(ClaimTrigger.Object, InPublicNotice, [Verifier, Finance], UnderReview),
        new(RetryPayment, PayoutFailed, [Finance], ReadyForPayout),
        new(NoticeElapsed, InPublicNotice, [Role.System], ReadyForPayout),
        new(IncludeInPayout, ReadyForPayout, [Role.System], InPayout),
        new(PaymentSucceeded, InPayout, [Role.System], Paid),
        new(PaymentFailed, InPayout, [Role.System], PayoutFailed),
        new(ScreeningFlagRaised, Verified, [Role.System], UnderReview),
        new(ScreeningFlagRaised, InPublicNotice, [Role.System], UnderReview),
        new(ScreeningFlagRaised, ReadyForPayout, [Role.System], UnderReview),
        new(CorrectBankAccount, PayoutFailed, [Applicant], PayoutFailed, OwnerOnly: true),
        new(OpenRecovery, Paid, [Verifier, Finance], Paid),
        new(SettleRecovery, Paid, [Finance], Paid),
    ];

    private static GuardContext Ctx(bool owner, bool disputeIdentified = true) =>
        new(IsOwner: owner, ActorId: Actor, VerifiedBy: OtherVerifier, UnresolvedFlags: 0, PublicNoticeWorkingDays: 5,
            DisputeIdentified: disputeIdentified);

    public static IEnumerable<object[]> EveryCombination() =>
        from status in Enum.GetValues<ClaimStatus>()
        from trigger in Enum.GetValues<ClaimTrigger>()
        from role in Enum.GetValues<Role>()
        from owner in new[] { true, false }
        select new object[] { status, trigger, role, owner };

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Decide_matches_the_api_table(ClaimStatus status, ClaimTrigger trigger, Role role, bool owner)
    {
        // Adding a dispute's details is only open while they are missing; every other trigger sees a complete claim.
        var decision = ClaimWorkflow.Instance.Decide(status, trigger, role, Ctx(owner, disputeIdentified: trigger != AddDisputeDetails));

        var rows = ApiTable.Where(r => r.Trigger == trigger && r.From == status).ToList();
        if (rows.Count == 0)
        {
            decision.Outcome.Should().Be(TransitionOutcome.NotPermitted);
            decision.Target.Should().BeNull();
            decision.Message.Should().NotBeNullOrWhiteSpace();
            return;
        }

        var row = rows.SingleOrDefault(r => r.Roles.Contains(role));
        if (row is null || (row.OwnerOnly && !owner))
        {
            decision.Outcome.Should().Be(TransitionOutcome.Forbidden);
            decision.Target.Should().BeNull();
            decision.Message.Should().NotBeNullOrWhiteSpace();
            return;
        }

        decision.Outcome.Should().Be(TransitionOutcome.Permitted);
        decision.Target.Should().Be(row.To);
        decision.Message.Should().BeNull();
    }

    [Fact]
    public void The_table_covers_exactly_the_configured_transitions()
    {
        var configured = ClaimWorkflow.Instance.Machine.Transitions
            .Select(t => (t.Trigger, t.Source))
            .Distinct()
            .OrderBy(x => x.Trigger).ThenBy(x => x.Source);
        configured.Should().Equal(ApiTable.Select(r => (r.Trigger, Source: r.From)).OrderBy(x => x.Trigger).ThenBy(x => x.Source));
    }

    [Theory]
    [InlineData(Auditor)]
    [InlineData(Admin)]
    public void Auditors_and_admins_fire_nothing(Role role)
    {
        foreach (var status in Enum.GetValues<ClaimStatus>())
            ClaimWorkflow.Instance.PermittedTriggers(status, role, Ctx(owner: true)).Should().BeEmpty();
    }

    [Fact]
    public void Permitted_triggers_agree_with_decide()
    {
        foreach (var status in Enum.GetValues<ClaimStatus>())
        foreach (var role in Enum.GetValues<Role>())
        {
            // A claim that names its dispute has nothing to add.
            var expected = ApiTable.Where(r => r.From == status && r.Roles.Contains(role) && r.Trigger != AddDisputeDetails)
                .Select(r => r.Trigger).Distinct().Order();
            ClaimWorkflow.Instance.PermittedTriggers(status, role, Ctx(owner: true)).Should().Equal(expected, $"{status} as {role}");
        }
    }

    [Fact]
    public void A_claim_without_its_dispute_offers_adding_it_and_not_verify()
    {
        var permitted = ClaimWorkflow.Instance.PermittedTriggers(UnderReview, Verifier, Ctx(owner: false, disputeIdentified: false));
        permitted.Should().Contain(AddDisputeDetails).And.NotContain(Verify);
    }

    [Fact]
    public void An_applicant_who_is_not_the_owner_can_see_no_trigger()
    {
        foreach (var status in Enum.GetValues<ClaimStatus>())
            ClaimWorkflow.Instance.PermittedTriggers(status, Applicant, Ctx(owner: false)).Should().BeEmpty();
    }
}
