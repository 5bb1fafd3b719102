using System.Globalization;
using System.Text;
using FluentAssertions;
using SubsidyService.Domain.Money;

namespace SubsidyService.Domain.Tests.Money;

public class AmountInputTests
{
    [Theory]
    [InlineData("8000", "8000.00")]
    [InlineData("8,000", "8000.00")]
    [InlineData("8000.5", "8000.50")]
    [InlineData("8,000.50", "8000.50")]
    [InlineData("８０００", "8000.00")]
    [InlineData("８，０００．５", "8000.50")]
    [InlineData("8000元", "8000.00")]
    [InlineData("8000 元", "8000.00")]
    [InlineData("8000元整", "8000.00")]
    [InlineData("  8000  ", "8000.00")]
    [InlineData("\u30008000\u3000", "8000.00")]
    [InlineData("\u00A08,000\t", "8000.00")]
    [InlineData("￥8,000", "8000.00")]
    [InlineData("¥ 8000.00", "8000.00")]
    [InlineData("人民币8,000元", "8000.00")]
    [InlineData("12,345,678.9", "12345678.90")]
    [InlineData("0.01", "0.01")]
    [InlineData("008000", "8000.00")]
    [InlineData("100,000,000.00", "100000000.00")]
    [InlineData("100000000", "100000000.00")]
    public void Amounts_as_people_write_them_are_read_exactly(string text, string expected)
    {
        AmountInput.TryParse(text, out var value, out var error).Should().BeTrue(text);
        error.Should().BeNull();
        value.ToString().Should().Be(expected);
    }

    [Theory]
    // A thousands dot, as written in Europe: three places after the point, never read as 8 yuan.
    [InlineData("8.000", AmountInput.TooManyPlaces)]
    [InlineData("8000.001", AmountInput.TooManyPlaces)]
    [InlineData("8000.500", AmountInput.TooManyPlaces)]
    [InlineData("1.234.567", AmountInput.Malformed)]
    [InlineData("1,00", AmountInput.Malformed)]
    [InlineData("1,0000", AmountInput.Malformed)]
    [InlineData("10,00,000", AmountInput.Malformed)]
    [InlineData(",800", AmountInput.Malformed)]
    [InlineData("800,", AmountInput.Malformed)]
    [InlineData("1000,00", AmountInput.Malformed)]
    [InlineData("-8000", AmountInput.NotPositive)]
    [InlineData("－８０００", AmountInput.NotPositive)]
    [InlineData("-¥8,000", AmountInput.NotPositive)]
    [InlineData("0", AmountInput.NotPositive)]
    [InlineData("0.00", AmountInput.NotPositive)]
    [InlineData("-0", AmountInput.NotPositive)]
    [InlineData("Infinity", AmountInput.Malformed)]
    [InlineData("-Infinity", AmountInput.Malformed)]
    [InlineData("NaN", AmountInput.Malformed)]
    [InlineData("1e4", AmountInput.Malformed)]
    [InlineData("0x10", AmountInput.Malformed)]
    [InlineData("+8000", AmountInput.Malformed)]
    [InlineData("8 000", AmountInput.Malformed)]
    [InlineData(".5", AmountInput.Malformed)]
    [InlineData("5.", AmountInput.Malformed)]
    [InlineData("八千", AmountInput.Malformed)]
    [InlineData("8000美元", AmountInput.Malformed)]
    [InlineData("元", AmountInput.Malformed)]
    [InlineData("٨٠٠٠", AmountInput.Malformed)]
    [InlineData("", AmountInput.Malformed)]
    [InlineData("   ", AmountInput.Malformed)]
    [InlineData("100000000.01", AmountInput.TooLarge)]
    [InlineData("1,000,000,000", AmountInput.TooLarge)]
    [InlineData("99999999999999999999999999999999999999999", AmountInput.TooLarge)]
    [InlineData("79228162514264337593543950336", AmountInput.TooLarge)]
    public void What_is_still_refused_is_named(string text, string expected)
    {
        AmountInput.TryParse(text, out var value, out var error).Should().BeFalse(text);
        error.Should().Be(expected);
        value.Should().Be(Yuan.Zero);
    }

    [Fact]
    public void Text_longer_than_any_amount_is_refused_before_matching()
    {
        AmountInput.TryParse(new string('9', 10_000), out _, out var error).Should().BeFalse();
        error.Should().Be(AmountInput.Malformed);
        AmountInput.TryParse(null, out _, out error).Should().BeFalse();
        error.Should().Be(AmountInput.Malformed);
    }

    [Fact]
    public void Zero_may_be_allowed_but_a_negative_is_then_named_as_such()
    {
        AmountInput.TryParse("0", allowZero: true, out var zero, out _).Should().BeTrue();
        zero.Should().Be(Yuan.Zero);
        AmountInput.TryParse("-1", allowZero: true, out _, out var error).Should().BeFalse();
        error.Should().Be(AmountInput.Negative);
    }

    [Fact]
    public void Normalize_gives_the_api_form_or_leaves_the_text_alone()
    {
        AmountInput.Normalize("８，０００元").Should().Be("8000.00");
        AmountInput.Normalize("8.000").Should().Be("8.000");
        AmountInput.Normalize(null).Should().BeNull();
    }

    private const int Cases = 20_000;
    private static readonly string[] Spaces = ["", " ", "\u3000", "\t", "\u00A0"];
    private static readonly string[] Prefixes = ["", "¥", "￥", "人民币"];
    private static readonly string[] Suffixes = ["", "元", " 元", "元整"];

    /// <summary>Any amount of whole fen up to the maximum, spread over every order of magnitude.</summary>
    private static decimal RandomAmount(Random r)
    {
        var digits = r.Next(1, 12);
        var fen = (long)(r.NextDouble() * Math.Pow(10, digits));
        return Math.Min(Math.Max(fen, 1), 10_000_000_000L) / 100m;
    }

    /// <summary>The amount written one of the ways people write it: grouped or not, trailing zeros or not, full width or not.</summary>
    private static string Write(Random r, decimal amount)
    {
        var text = r.Next(3) switch
        {
            0 => amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
            1 => amount.ToString("0.##", CultureInfo.InvariantCulture),
            _ => amount.ToString("#,##0.##", CultureInfo.InvariantCulture),
        };
        if (r.Next(2) == 0)
        {
            var sb = new StringBuilder();
            foreach (var c in text)
                sb.Append(c switch
                {
                    >= '0' and <= '9' when r.Next(2) == 0 => (char)(c + 0xFEE0),
                    ',' when r.Next(2) == 0 => '，',
                    '.' when r.Next(2) == 0 => '．',
                    _ => c,
                });
            text = sb.ToString();
        }
        return Spaces[r.Next(Spaces.Length)] + Prefixes[r.Next(Prefixes.Length)] + text +
               Suffixes[r.Next(Suffixes.Length)] + Spaces[r.Next(Spaces.Length)];
    }

    [Fact]
    public void Every_way_of_writing_an_amount_reads_back_to_exactly_that_amount()
    {
        var r = new Random(2026_12_06);
        for (var i = 0; i < Cases; i++)
        {
            var amount = RandomAmount(r);
            var text = Write(r, amount);
            AmountInput.TryParse(text, out var value, out var error).Should().BeTrue($"“{text}” is {amount}");
            value.Value.Should().Be(amount, text);
            error.Should().BeNull();
            // What the API shows reads back to itself.
            AmountInput.TryParse(value.ToString(), out var again, out _).Should().BeTrue();
            again.Should().Be(value);
        }
    }

    [Fact]
    public void A_third_place_after_the_point_is_never_rounded_away()
    {
        var r = new Random(2026_12_07);
        for (var i = 0; i < Cases; i++)
        {
            var text = Write(r, RandomAmount(r)).TrimEnd().TrimEnd('元', '整', ' ') + "." + r.Next(0, 1000).ToString("000", CultureInfo.InvariantCulture);
            // Written with no point before, the added one is the first; with one, the text has two points.
            AmountInput.TryParse(text, out _, out var error).Should().BeFalse(text);
            error.Should().BeOneOf(AmountInput.TooManyPlaces, AmountInput.Malformed);
        }
    }

    [Fact]
    public void Random_text_never_throws_and_an_accepted_amount_is_always_whole_fen_within_range()
    {
        const string alphabet = "0123456789０１９,.，．-－ 元整¥￥eE+xNa∞\u3000";
        var r = new Random(2026_12_08);
        for (var i = 0; i < Cases; i++)
        {
            var chars = new char[r.Next(0, 20)];
            for (var j = 0; j < chars.Length; j++)
                chars[j] = alphabet[r.Next(alphabet.Length)];
            var text = new string(chars);

            var ok = AmountInput.TryParse(text, out var value, out var error);
            if (ok)
            {
                value.Value.Should().BeInRange(0.01m, Yuan.MaxAmount, text);
                (value.Value * 100m).Should().Be(decimal.Truncate(value.Value * 100m), text);
                error.Should().BeNull();
            }
            else
            {
                error.Should().BeOneOf(AmountInput.TooManyPlaces, AmountInput.NotPositive, AmountInput.Malformed, AmountInput.TooLarge);
            }
        }
    }
}
