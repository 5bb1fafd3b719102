using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

public class PolicyVersionTests
{
    private static PolicyVersion V(string id, string from, string? to) =>
        PolicyVersion.Default with { Id = id, EffectiveFrom = DateOnly.Parse(from), EffectiveTo = to is null ? null : DateOnly.Parse(to) };

    [Fact]
    public void The_default_carries_the_policy_md_numbers()
    {
        var v = PolicyVersion.Default;
        v.Id.Should().Be("2023-item13");
        v.EffectiveFrom.Should().Be(new DateOnly(2023, 1, 1));
        v.EffectiveTo.Should().BeNull();
        v.Rate.Should().Be(0.50m);
        v.Caps.Should().BeEquivalentTo(new Dictionary<Tier, decimal>
        {
            [Tier.NaturalPerson] = 5_000m,
            [Tier.LegalPerson] = 10_000m,
            [Tier.MajorOrForeign] = 50_000m,
        });
        v.WinningOutcomes.Should().BeEquivalentTo([CaseOutcome.Won, CaseOutcome.PartiallyWon]);
        v.RegularCaseTypes.Should().BeEquivalentTo([CaseType.PatentInfringement]);
        v.MajorCaseTypes.Should().BeEquivalentTo(Enum.GetValues<CaseType>());
        v.ApplicationWindowDays.Should().BeNull();
        v.PublicNoticeWorkingDays.Should().Be(5);
    }

    [Fact]
    public void In_force_includes_both_ends()
    {
        var v = V("a", "2024-01-01", "2024-12-31");
        v.IsInForceOn(new DateOnly(2023, 12, 31)).Should().BeFalse();
        v.IsInForceOn(new DateOnly(2024, 1, 1)).Should().BeTrue();
        v.IsInForceOn(new DateOnly(2024, 12, 31)).Should().BeTrue();
        v.IsInForceOn(new DateOnly(2025, 1, 1)).Should().BeFalse();
        PolicyVersion.Default.IsInForceOn(new DateOnly(2099, 1, 1)).Should().BeTrue();
    }

    [Fact]
    public void Adjacent_versions_do_not_overlap()
    {
        PolicyVersion.CheckNoOverlap([V("a", "2023-01-01", "2024-12-31"), V("b", "2025-01-01", null)]).Should().BeEmpty();
    }

    [Fact]
    public void Overlapping_versions_are_named()
    {
        var errors = PolicyVersion.CheckNoOverlap([V("a", "2023-01-01", "2025-01-01"), V("b", "2025-01-01", null), V("c", "2026-01-01", "2026-06-30")]);
        errors.Should().HaveCount(2);
        errors.Should().Contain(e => e.Contains("a") && e.Contains("b") && e.Contains("重叠"));
        errors.Should().Contain(e => e.Contains("b") && e.Contains("c"));
    }

    [Fact]
    public void A_version_ending_before_it_starts_is_an_error() =>
        PolicyVersion.CheckNoOverlap([V("a", "2025-01-01", "2024-01-01")]).Should().ContainSingle().Which.Should().Contain("早于");

    [Fact]
    public void A_repeated_id_is_an_error() =>
        PolicyVersion.CheckNoOverlap([V("a", "2023-01-01", "2023-12-31"), V("a", "2024-01-01", null)])
            .Should().ContainSingle().Which.Should().Contain("重复");

    [Fact]
    public void The_catalog_picks_the_version_in_force_on_the_judgment_date()
    {
        var versions = new[] { V("old", "2023-01-01", "2024-12-31"), V("new", "2025-01-01", null) };
        PolicyCatalog.InForce(versions, new DateOnly(2024, 12, 31))!.Id.Should().Be("old");
        PolicyCatalog.InForce(versions, new DateOnly(2025, 1, 1))!.Id.Should().Be("new");
        PolicyCatalog.InForce(versions, new DateOnly(2022, 12, 31)).Should().BeNull();
    }

    [Fact]
    public void A_version_of_a_single_day_is_not_an_error() =>
        PolicyVersion.CheckNoOverlap([V("a", "2025-01-01", "2025-01-01")]).Should().BeEmpty();

    [Fact]
    public void Sharing_only_the_last_day_is_an_overlap() =>
        PolicyVersion.CheckNoOverlap([V("a", "2024-01-01", "2024-12-31"), V("b", "2024-12-31", null)])
            .Should().ContainSingle().Which.Should().Contain("a").And.Contain("b").And.Contain("重叠");

    [Fact]
    public void A_later_open_ended_version_overlaps_an_earlier_open_ended_one() =>
        PolicyVersion.CheckNoOverlap([V("b", "2025-01-01", null), V("a", "2023-01-01", null)])
            .Should().ContainSingle().Which.Should().Be("政策版本 a（2023-01-01 至 长期）与 b（2025-01-01 至 长期）的有效期重叠");

    [Fact]
    public void The_overlap_message_names_the_earlier_version_first_whatever_the_input_order() =>
        PolicyVersion.CheckNoOverlap([V("late", "2024-06-01", "2024-12-31"), V("early", "2024-01-01", "2024-06-30")])
            .Should().ContainSingle().Which.Should().Be("政策版本 early（2024-01-01 至 2024-06-30）与 late（2024-06-01 至 2024-12-31）的有效期重叠");

    [Fact]
    public void The_last_version_in_the_list_is_compared_too() =>
        PolicyVersion.CheckNoOverlap([V("a", "2023-01-01", "2023-12-31"), V("b", "2024-01-01", "2024-12-31"), V("c", "2024-12-01", null)])
            .Should().ContainSingle().Which.Should().Contain("b").And.Contain("c");

    [Fact]
    public void Of_two_versions_in_force_the_later_starting_one_wins() =>
        PolicyCatalog.InForce([V("early", "2023-01-01", null), V("late", "2024-01-01", null)], new DateOnly(2024, 6, 1))!
            .Id.Should().Be("late");

    [Fact]
    public void Of_two_versions_starting_the_same_day_the_first_id_wins() =>
        PolicyCatalog.InForce([V("b", "2024-01-01", null), V("a", "2024-01-01", null)], new DateOnly(2024, 6, 1))!
            .Id.Should().Be("a");

    [Fact]
    public void The_catalog_refuses_null() =>
        FluentActions.Invoking(() => PolicyCatalog.InForce(null!, new DateOnly(2024, 6, 1))).Should().Throw<ArgumentNullException>();

    [Fact]
    public void The_overlap_check_refuses_null() =>
        FluentActions.Invoking(() => PolicyVersion.CheckNoOverlap(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void A_one_day_version_on_the_first_day_of_another_overlaps_it_and_the_first_id_is_named_first() =>
        PolicyVersion.CheckNoOverlap([V("b", "2025-01-01", "2025-01-01"), V("a", "2025-01-01", null)])
            .Should().ContainSingle().Which.Should().Be("政策版本 a（2025-01-01 至 长期）与 b（2025-01-01 至 2025-01-01）的有效期重叠");

    [Theory]
    [InlineData("2023-01-01", "2023年版（第十三项）")]
    [InlineData("2026-07-01", "2026年7月1日版（第十三项）")]
    public void A_version_is_called_by_its_title_never_its_id(string from, string title)
    {
        var version = V("2023-item13", from, null);
        version.Title.Should().Be(title).And.NotContain("item13");
        PolicyEvaluatorTitleCheck(version).Should().StartWith("依据" + title + "：");
    }

    private static string PolicyEvaluatorTitleCheck(PolicyVersion version) =>
        PolicyEvaluator.Evaluate(Facts.Eligible(), version, Facts.Ctx).Trace[0].Step;
}
