using FluentAssertions;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Tests.Claims;

/// <summary>The declaration table and the start-up check that refuses a table the service cannot run.</summary>
public sealed class TriggerDeclarationTests
{
    private sealed class FakeEffect(Effect effect, bool bulk = false, bool handles = true) : ITransitionEffect
    {
        public Effect Effect => effect;
        public bool RunsInBulk => bulk;
        public bool Handles(TriggerDeclaration declaration) => handles;
        public Task<Refusal?> ApplyAsync(TransitionContext t) => Task.FromResult<Refusal?>(null);
    }

    private static List<ITransitionEffect> EveryEffect() => Enum.GetValues<Effect>().Select(e => (ITransitionEffect)new FakeEffect(e)).ToList();

    private static Dictionary<ClaimTrigger, TriggerDeclaration> Table() => TriggerDeclarations.All.ToDictionary(d => d.Key, d => d.Value);

    [Fact]
    public void Every_trigger_is_declared_once_and_the_table_passes_with_every_effect_carried_out()
    {
        TriggerDeclarations.All.Keys.Should().BeEquivalentTo(Enum.GetValues<ClaimTrigger>());
        TriggerDeclarationCheck.Problems(TriggerDeclarations.All, EveryEffect()).Should().BeEmpty();
    }

    [Fact]
    public void A_bulk_trigger_with_an_effect_the_bulk_path_cannot_run_is_refused()
    {
        var table = Table();
        table[ClaimTrigger.IncludeInPayout] = table[ClaimTrigger.IncludeInPayout] with { Effects = [Effect.BudgetSpent] };
        TriggerDeclarationCheck.Problems(table, EveryEffect()).Should().ContainSingle()
            .Which.Should().Be("IncludeInPayout: fired in bulk, but the bulk path cannot carry out BudgetSpent");
    }

    [Fact]
    public void A_bulk_effect_is_accepted_on_a_bulk_trigger()
    {
        var table = Table();
        table[ClaimTrigger.IncludeInPayout] = table[ClaimTrigger.IncludeInPayout] with { Effects = [Effect.BudgetSpent] };
        var effects = EveryEffect().Where(e => e.Effect != Effect.BudgetSpent).Append(new FakeEffect(Effect.BudgetSpent, bulk: true)).ToList();
        TriggerDeclarationCheck.Problems(table, effects).Should().BeEmpty();
    }

    [Fact]
    public void A_bulk_trigger_whose_condition_needs_the_evaluation_is_refused()
    {
        var table = Table();
        table[ClaimTrigger.Verify] = table[ClaimTrigger.Verify] with { Effects = [], Bulk = true };
        TriggerDeclarationCheck.Problems(table, EveryEffect()).Should().ContainSingle().Which.Should().Contain("Verify").And.Contain("evaluation");
    }

    [Fact]
    public void A_declared_effect_no_feature_carries_out_is_refused()
    {
        var effects = EveryEffect().Where(e => e.Effect != Effect.RecoveryOpening).ToList();
        TriggerDeclarationCheck.Problems(TriggerDeclarations.All, effects).Should().Equal("OpenRecovery: no feature carries out RecoveryOpening");
    }

    [Fact]
    public void Two_features_carrying_out_one_effect_is_refused()
    {
        var effects = EveryEffect().Append(new FakeEffect(Effect.Screening)).ToList();
        TriggerDeclarationCheck.Problems(TriggerDeclarations.All, effects).Should().ContainSingle().Which.Should().StartWith("Screening: carried out by 2");
    }

    [Fact]
    public void The_message_must_come_after_the_event_it_tells_of()
    {
        var table = Table();
        table[ClaimTrigger.Approve] = table[ClaimTrigger.Approve] with { Effects = [Effect.Notification, Effect.BudgetReservation, Effect.ApprovalLetter] };
        TriggerDeclarationCheck.Problems(table, EveryEffect()).Should().ContainSingle().Which.Should().StartWith("Approve: the applicant's message must come last");
    }

    [Fact]
    public void An_undeclared_trigger_is_refused()
    {
        var table = Table();
        table.Remove(ClaimTrigger.Object);
        TriggerDeclarationCheck.Problems(table, EveryEffect()).Should().Equal("Object: not declared");
    }

    [Fact]
    public void A_message_without_wording_for_the_record_is_refused()
    {
        var effects = EveryEffect().Where(e => e.Effect != Effect.Notification).Append(new FakeEffect(Effect.Notification, handles: false)).ToList();
        TriggerDeclarationCheck.Problems(TriggerDeclarations.All, effects).Should().HaveCount(
            TriggerDeclarations.All.Values.Count(d => d.Notifies));
    }

    [Fact]
    public void The_services_message_words_every_record_declared_with_a_notification()
    {
        var mail = new SubsidyService.Notifications.TransitionMail(null!, TimeProvider.System, null!);
        TriggerDeclarations.All.Values.Where(d => d.Notifies).Should().OnlyContain(d => ((ITransitionEffect)mail).Handles(d));
        TriggerDeclarations.All.Values.Where(d => !d.Notifies && d.RecordType != null)
            .Should().Contain(d => !((ITransitionEffect)mail).Handles(d), "the check must be able to fail");
    }

    [Fact]
    public void Only_include_in_payout_goes_the_bulk_path_and_it_has_no_per_claim_effect()
    {
        TriggerDeclarations.All.Values.Where(d => d.Bulk).Select(d => d.Trigger).Should().Equal(ClaimTrigger.IncludeInPayout);
        TriggerDeclarations.Of(ClaimTrigger.IncludeInPayout).Effects.Should().BeEmpty();
    }
}
