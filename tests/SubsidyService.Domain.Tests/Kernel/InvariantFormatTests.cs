using FluentAssertions;
using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Money;

namespace SubsidyService.Domain.Tests.Kernel;

/// <summary>API.md's number formats, and the words of a refused amount.</summary>
public class InvariantFormatTests
{
    [Theory]
    [InlineData("0.5", "0.50")]
    [InlineData("0.125", "0.125")]
    [InlineData("1", "1.00")]
    public void A_rate_has_at_least_two_decimals(string rate, string text) =>
        Invariant.Rate(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(text);

    [Fact]
    public void An_amount_beyond_capital_numerals_is_refused_in_words() =>
        FluentActions.Invoking(() => ChineseAmount.Format(ChineseAmount.MaxAmount + 0.01m))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("金额须在 0 至 999999999999.99 之间*");

    [Fact]
    public void Zero_is_written() => ChineseAmount.Format(0m).Should().NotBeEmpty();

    [Fact]
    public void The_largest_amount_is_written() => ChineseAmount.Format(ChineseAmount.MaxAmount).Should().NotBeEmpty();
}
