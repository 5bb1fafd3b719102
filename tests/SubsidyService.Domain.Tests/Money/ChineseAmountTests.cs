using FluentAssertions;
using SubsidyService.Domain.Money;

namespace SubsidyService.Domain.Tests.Money;

public class ChineseAmountTests
{
    [Theory]
    [InlineData("5000", "人民币伍仟元整")]
    [InlineData("10000", "人民币壹万元整")]
    [InlineData("1666.67", "人民币壹仟陆佰陆拾陆元陆角柒分")]
    [InlineData("10005", "人民币壹万零伍元整")]
    [InlineData("3.50", "人民币叁元伍角整")]
    [InlineData("3.05", "人民币叁元零伍分")]
    [InlineData("100200.05", "人民币壹拾万零贰佰元零伍分")]
    [InlineData("1001", "人民币壹仟零壹元整")]
    [InlineData("0.01", "人民币壹分")]
    [InlineData("0", "人民币零元整")]
    [InlineData("100000000", "人民币壹亿元整")]
    [InlineData("100010000", "人民币壹亿零壹万元整")]
    [InlineData("1000000", "人民币壹佰万元整")]
    [InlineData("10000001", "人民币壹仟万零壹元整")]
    [InlineData("110000", "人民币壹拾壹万元整")]
    [InlineData("0.50", "人民币伍角整")]
    public void Formats_the_examples_of_the_brief(string amount, string expected) => Check(amount, expected);

    [Theory]
    [InlineData("10", "人民币壹拾元整")]
    [InlineData("15", "人民币壹拾伍元整")]
    [InlineData("101", "人民币壹佰零壹元整")]
    [InlineData("1010", "人民币壹仟零壹拾元整")]
    [InlineData("1100", "人民币壹仟壹佰元整")]
    [InlineData("100001", "人民币壹拾万零壹元整")]
    [InlineData("101000", "人民币壹拾万壹仟元整")]
    [InlineData("1000.05", "人民币壹仟元零伍分")]
    [InlineData("1000.50", "人民币壹仟元伍角整")]
    [InlineData("0.05", "人民币伍分")]
    [InlineData("0.55", "人民币伍角伍分")]
    [InlineData("100000001", "人民币壹亿零壹元整")]
    [InlineData("100001000", "人民币壹亿零壹仟元整")]
    [InlineData("110000000", "人民币壹亿壹仟万元整")]
    [InlineData("101000000", "人民币壹亿零壹佰万元整")]
    [InlineData("1000000000", "人民币壹拾亿元整")]
    [InlineData("12345678.90", "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整")]
    [InlineData("50000", "人民币伍万元整")]
    [InlineData("9999.99", "人民币玖仟玖佰玖拾玖元玖角玖分")]
    [InlineData("4000.005", "人民币肆仟元零壹分")]
    public void Writes_one_zero_for_every_run_of_zeros_including_across_group_boundaries(string amount, string expected) =>
        Check(amount, expected);

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1000000000000")]
    public void Refuses_amounts_it_cannot_write(string amount)
    {
        var act = () => ChineseAmount.Format(Parse(amount));
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static void Check(string amount, string expected) => ChineseAmount.Format(Parse(amount)).Should().Be(expected);

    private static decimal Parse(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
