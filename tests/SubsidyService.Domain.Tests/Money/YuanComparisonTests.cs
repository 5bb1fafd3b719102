using FluentAssertions;
using SubsidyService.Domain.Money;

namespace SubsidyService.Domain.Tests.Money;

/// <summary>Each comparison on its own, at the boundary where a wrong one gives itself away: equal amounts.</summary>
public class YuanComparisonTests
{
    private static readonly Yuan Less = new(4_999.99m);
    private static readonly Yuan Cap = new(5_000.00m);
    private static readonly Yuan SameAsCap = new(5_000m);

    [Fact]
    public void Less_than_is_strict()
    {
        (Less < Cap).Should().BeTrue();
        (Cap < SameAsCap).Should().BeFalse();
        (Cap < Less).Should().BeFalse();
    }

    [Fact]
    public void Greater_than_is_strict()
    {
        (Cap > Less).Should().BeTrue();
        (Cap > SameAsCap).Should().BeFalse();
        (Less > Cap).Should().BeFalse();
    }

    [Fact]
    public void At_most_includes_equal()
    {
        (Cap <= SameAsCap).Should().BeTrue();
        (Less <= Cap).Should().BeTrue();
        (Cap <= Less).Should().BeFalse();
    }

    [Fact]
    public void At_least_includes_equal()
    {
        (Cap >= SameAsCap).Should().BeTrue();
        (Cap >= Less).Should().BeTrue();
        (Less >= Cap).Should().BeFalse();
    }

    [Fact]
    public void Min_takes_the_smaller_whichever_side_it_is_on()
    {
        Yuan.Min(Less, Cap).Should().Be(Less);
        Yuan.Min(Cap, Less).Should().Be(Less);
    }
}
