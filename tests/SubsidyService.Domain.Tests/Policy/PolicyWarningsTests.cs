using FluentAssertions;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

public class PolicyWarningsTests
{
    [Fact]
    public void The_default_version_is_item_13_and_warns_of_nothing() =>
        PolicyWarnings.Of(PolicyVersion.Default).Should().BeEmpty();

    [Fact]
    public void No_notice_a_higher_rate_and_each_cap_above_the_text_are_each_named()
    {
        var caps = new Dictionary<Tier, decimal>(PolicyVersion.Default.Caps) { [Tier.LegalPerson] = 10_000.01m, [Tier.MajorOrForeign] = 60_000m };
        var version = PolicyVersion.Default with { PublicNoticeWorkingDays = 0, Rate = 0.60m, Caps = caps };

        PolicyWarnings.Of(version).Should().HaveCount(4)
            .And.Contain(w => w.Contains("公示期为 0 个工作日"))
            .And.Contain(w => w.Contains("60%") && w.Contains("50%"))
            .And.Contain(w => w.Contains("法人档补助上限 10,000.01 元高于政策原文的 10,000.00 元"))
            .And.Contain(w => w.Contains("涉外或重大影响档补助上限 60,000.00 元"));
    }

    [Fact]
    public void Lower_caps_and_a_longer_notice_are_the_countys_to_set_without_a_warning()
    {
        var caps = new Dictionary<Tier, decimal> { [Tier.NaturalPerson] = 3_000m, [Tier.LegalPerson] = 8_000m, [Tier.MajorOrForeign] = 50_000m };
        PolicyWarnings.Of(PolicyVersion.Default with { Caps = caps, Rate = 0.40m, PublicNoticeWorkingDays = 10 }).Should().BeEmpty();
    }
}
