using FluentAssertions;
using SubsidyService.Domain.Money;

namespace SubsidyService.Domain.Tests.Money;

public class YuanTests
{
    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004", "0.00")]
    [InlineData("0.615", "0.62")]
    [InlineData("0.625", "0.63")]
    [InlineData("2.675", "2.68")]
    [InlineData("4999.995", "5000.00")]
    [InlineData("5000", "5000.00")]
    [InlineData("-0.005", "-0.01")]
    public void Round_is_half_up_to_one_fen(string input, string expected)
    {
        Yuan.Round(decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture))
            .ToString().Should().Be(expected);
    }

    [Fact]
    public void ToString_always_has_two_decimals_whatever_the_current_culture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            new Yuan(5000m).ToString().Should().Be("5000.00");
            new Yuan(1666.7m).ToString().Should().Be("1666.70");
            new Yuan(1234567.891m).ToString().Should().Be("1234567.89");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("5000.00", 5000.00)]
    [InlineData("5000", 5000)]
    [InlineData("0.01", 0.01)]
    [InlineData("12.5", 12.5)]
    [InlineData("100000000.00", 100000000)]
    [InlineData("0.10", 0.1)]
    public void TryParseMoney_accepts_positive_amounts_with_at_most_two_places(string text, decimal expected)
    {
        Yuan.TryParseMoney(text, out var value, out var error).Should().BeTrue();
        error.Should().BeNull();
        value.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-1.00")]
    [InlineData("+1.00")]
    [InlineData("1.001")]
    [InlineData("1e3")]
    [InlineData("1,000.00")]
    [InlineData("1000,00")]
    [InlineData(" 100.00")]
    [InlineData("100.00 ")]
    [InlineData("100000000.01")]
    [InlineData("999999999999999999999999999999")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("０.５")]
    [InlineData("NaN")]
    [InlineData("01.00")]
    public void TryParseMoney_refuses_everything_else_with_a_Chinese_message(string? text)
    {
        Yuan.TryParseMoney(text, out var value, out var error).Should().BeFalse();
        value.Should().Be(Yuan.Zero);
        error.Should().Be("金额须为正数，最多两位小数，且不超过 100000000.00");
    }

    [Fact]
    public void NonNegative_parsing_accepts_zero_but_not_negatives()
    {
        Yuan.TryParseNonNegativeMoney("0.00", out var zero, out _).Should().BeTrue();
        zero.Should().Be(Yuan.Zero);
        Yuan.TryParseNonNegativeMoney("-0.01", out _, out var error).Should().BeFalse();
        error.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Operators_add_subtract_and_compare_exactly()
    {
        var a = new Yuan(0.10m);
        var b = new Yuan(0.20m);
        (a + b).Should().Be(new Yuan(0.30m));
        (b - a).Should().Be(a);
        (a < b).Should().BeTrue();
        (b >= a).Should().BeTrue();
        Yuan.Min(a, b).Should().Be(a);
    }
}
