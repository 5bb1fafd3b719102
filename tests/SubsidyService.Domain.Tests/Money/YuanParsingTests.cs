using FluentAssertions;
using SubsidyService.Domain.Money;

namespace SubsidyService.Domain.Tests.Money;

/// <summary>Which message a refused amount gets, and the bounds of each parse; one case a test.</summary>
public class YuanParsingTests
{
    [Fact]
    public void A_malformed_positive_amount_gets_the_positive_message()
    {
        Yuan.TryParseMoney("abc", out _, out var error).Should().BeFalse();
        error.Should().Be(Yuan.MoneyFormatError);
    }

    [Fact]
    public void A_malformed_non_negative_amount_gets_the_non_negative_message()
    {
        Yuan.TryParseNonNegativeMoney("abc", out _, out var error).Should().BeFalse();
        error.Should().Be(Yuan.NonNegativeMoneyFormatError);
    }

    [Fact]
    public void Zero_is_a_non_negative_amount()
    {
        Yuan.TryParseNonNegativeMoney("0.00", out var value, out var error).Should().BeTrue();
        (value, error).Should().Be((Yuan.Zero, (string?)null));
    }

    [Fact]
    public void Zero_is_not_a_positive_amount()
    {
        Yuan.TryParseMoney("0", out _, out var error).Should().BeFalse();
        error.Should().Be(Yuan.MoneyFormatError);
    }

    [Fact]
    public void The_largest_amount_is_taken()
    {
        Yuan.TryParseMoney("100000000.00", out var value, out _).Should().BeTrue();
        value.Should().Be(new Yuan(100_000_000.00m));
    }

    [Fact]
    public void One_fen_more_than_the_largest_amount_is_refused() => Yuan.TryParseMoney("100000000.01", out _, out _).Should().BeFalse();

    [Fact]
    public void Nine_nines_are_refused() => Yuan.TryParseNonNegativeMoney("999999999", out _, out _).Should().BeFalse();

    [Fact]
    public void The_smaller_of_two_amounts_is_the_minimum() => Yuan.Min(new Yuan(2m), new Yuan(1m)).Should().Be(new Yuan(1m));

    [Fact]
    public void The_minimum_of_an_amount_and_a_larger_one_is_the_amount() => Yuan.Min(new Yuan(1m), new Yuan(2m)).Should().Be(new Yuan(1m));
}
