using FluentAssertions;

namespace SubsidyService.Letters.Tests;

/// <summary>Every character one unit wide, so a width of N fits N characters.</summary>
public sealed class LineBreakerTests
{
    private static List<string> Break(string text, float width, float indent = 0f) => LineBreaker.Break(text, width, _ => 1f, indent);

    [Fact]
    public void Chinese_text_breaks_between_any_two_characters()
    {
        Break("对专利侵权诉讼案件中胜诉的县维权请求人", 6).Should().Equal("对专利侵权诉", "讼案件中胜诉", "的县维权请求", "人");
    }

    [Fact]
    public void Latin_words_and_numbers_stay_whole()
    {
        // "10,000.00" would fit after 金额为 only in part: it moves down whole.
        Break("金额为10,000.00元", 9).Should().Equal("金额为", "10,000.00", "元");
        Break("政策版本 2023-item13 生效", 12).Should().Equal("政策版本", "2023-item13", "生效");
    }

    [Fact]
    public void Closing_punctuation_never_starts_a_line()
    {
        // The comma would open line 2: the character before it comes down with it.
        Break("申请人未胜诉，不予补助。", 6).Should().Equal("申请人未胜", "诉，不予补", "助。");
        Break("（依据第十三项）。下一句", 8).Should().Equal("（依据第十三", "项）。下一句");
        Break("见“维权代理费”》。", 7).Should().Equal("见“维权代理", "费”》。");
    }

    [Fact]
    public void Ascii_punctuation_after_Chinese_also_stays_on_its_line()
    {
        // Item 13 is quoted with ASCII commas.
        Break("企业法人〕,按照", 5).Should().Equal("企业法", "人〕,按照");
    }

    [Fact]
    public void Opening_punctuation_never_ends_a_line()
    {
        Break("现核准补助（人民币）", 6).Should().Equal("现核准补助", "（人民币）");
        Break("依据：“按照维权代理费", 4).Should().Equal("依据：", "“按照维", "权代理费");
        Break("见《条例》", 2).Should().Equal("见", "《条", "例》");
    }

    [Fact]
    public void Ellipsis_and_dash_pairs_stay_together()
    {
        Break("此处省略……以下", 5).Should().Equal("此处省", "略……以下");
        Break("补助——不超过", 3).Should().Equal("补助", "——不", "超过");
    }

    [Fact]
    public void Spaces_are_break_opportunities_and_vanish_at_the_break()
    {
        Break("30000.00 元 × 50% = 15000.00 元", 10).Should().Equal("30000.00 元", "× 50% =", "15000.00 元");
    }

    [Fact]
    public void A_unit_wider_than_the_line_is_cut()
    {
        Break("https://subsidy.example/verify", 10).Should().Equal("https://su", "bsidy.exam", "ple/verify");
    }

    [Fact]
    public void The_first_line_may_be_indented()
    {
        Break("你单位提出的专利维权代理费补助申请", 8, indent: 2).Should().Equal("你单位提出的", "专利维权代理费补", "助申请");
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_never_split()
    {
        // 𠮷 is one code point, two UTF-16 units.
        Break("吉𠮷祥𠮷如意", 2).Should().Equal("吉𠮷", "祥𠮷", "如意");
    }

    [Fact]
    public void Widths_come_from_the_advances()
    {
        // Latin letters half as wide as CJK characters.
        var lines = LineBreaker.Break("金额abcd元整", 3, c => c < 128 ? 0.5f : 1f);
        lines.Should().Equal("金额", "abcd元", "整");
    }

    [Theory]
    [InlineData('补', '助', true)]
    [InlineData('补', '，', false)]
    [InlineData('（', '补', false)]
    [InlineData('1', '0', false)]
    [InlineData('0', '元', true)]
    [InlineData('元', '1', true)]
    [InlineData('元', '”', false)]
    [InlineData('“', '按', false)]
    public void Break_opportunities(char before, char after, bool expected)
    {
        LineBreaker.CanBreakBetween(before, after).Should().Be(expected);
    }
}
