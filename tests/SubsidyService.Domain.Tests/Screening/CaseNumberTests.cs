using FluentAssertions;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Tests.Screening;

public class CaseNumberTests
{
    [Theory]
    [InlineData("（2023）浙02民初123号")]
    [InlineData("〔2023〕浙 02 民初 123 号")]
    [InlineData("(2023)浙02民初123号")]
    [InlineData("［2023］浙０２民初１２３号")]
    [InlineData("【2023】浙02民初123号")]
    [InlineData("[2023]浙02民初123号")]
    [InlineData("〈2023〉浙02民初123号")]
    [InlineData("﹝2023﹞浙02民初123号")]
    [InlineData("\u3000(2023)\t浙02\n民初123号\u200B ")]
    public void Every_way_of_writing_one_case_has_one_canonical_form(string written) =>
        CaseNumber.Canonical(written).Should().Be("(2023)浙02民初123号");

    [Fact]
    public void Ascii_letters_are_upper_cased()
    {
        CaseNumber.Canonical("(2023)zj02mc123号").Should().Be("(2023)ZJ02MC123号");
        CaseNumber.Canonical("(2023)ｚｊ02号").Should().Be("(2023)ZJ02号");
    }

    [Theory]
    [InlineData("（2023）浙02民初123号", 2023, "浙02", "民初", "123")]
    [InlineData("(2019)最高法知民终1号", 2019, "最高法", "知民终", "1")]
    [InlineData("〔2024〕京73民初 1025 号", 2024, "京73", "民初", "1025")]
    [InlineData("(2022)沪0115民初00045号", 2022, "沪0115", "民初", "45")]
    public void Standard_case_numbers_parse_into_parts(string s, int year, string court, string type, string seq) =>
        CaseNumber.TryParse(s).Should().Be(new CaseNumberParts(year, court, type, seq));

    [Theory]
    [InlineData("")]
    [InlineData("2023浙02民初123号")]
    [InlineData("(23)浙02民初123号")]
    [InlineData("(2023)浙02民初号")]
    [InlineData("(2023)浙02民初123")]
    [InlineData("ABC")]
    public void Anything_else_does_not_parse(string s) => CaseNumber.TryParse(s).Should().BeNull();
}
