using FluentAssertions;
using SubsidyService.Domain.Identity;

namespace SubsidyService.Domain.Tests.Identity;

public class UnifiedSocialCreditCodeTests
{
    // Published codes, each re-checked below by the independent implementation before use.
    public static readonly string[] PublishedCodes =
    [
        "91350100M000100Y43",
        "91110108551385082Q",
        "91330000142916567N",
        "91440300708461136T",
        "911100001000127624",
    ];

    // Generated: realistic first 17 characters completed with the independently computed check character.
    private static readonly string[] GeneratedPrefixes =
    [
        "91330782MA2D1234",
        "12330782470000001",
        "52330782MJ8765432",
        "93330782MA2HXY7R0",
        "31330000MD0123456",
    ];

    public static IEnumerable<string> ValidCodes() =>
        PublishedCodes.Concat(GeneratedPrefixes.Select(p => p.PadRight(17, '0')).Select(p => p + IndependentCheck.UsccCheck(p)));

    public static TheoryData<string> ValidCodeData() => new(ValidCodes());

    [Theory]
    [MemberData(nameof(ValidCodeData))]
    public void Valid_codes_pass(string code)
    {
        code[17].Should().Be(IndependentCheck.UsccCheck(code[..17]), "the fixture itself must be a valid code");
        UnifiedSocialCreditCode.IsValid(code).Should().BeTrue();
        UnifiedSocialCreditCode.CheckCharacter(code[..17]).Should().Be(code[17]);
    }

    [Theory]
    [MemberData(nameof(ValidCodeData))]
    public void Every_single_character_corruption_fails(string code)
    {
        var corruptions = 0;
        for (var position = 0; position < code.Length; position++)
        {
            foreach (var replacement in UnifiedSocialCreditCode.Alphabet + "IOSVZa-* ")
            {
                if (replacement == code[position])
                    continue;
                var corrupted = code[..position] + replacement + code[(position + 1)..];
                UnifiedSocialCreditCode.IsValid(corrupted).Should().BeFalse($"{corrupted} changes position {position + 1}");
                corruptions++;
            }
        }

        corruptions.Should().Be(18 * (31 + 9 - 1));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100m000100y43")]
    [InlineData("9135A100M000100Y43")]
    public void Wrong_shapes_fail(string? code) => UnifiedSocialCreditCode.IsValid(code).Should().BeFalse();

    [Fact]
    public void Division_code_positions_must_be_digits_even_when_the_checksum_agrees()
    {
        var prefix = "91A30782MA2D12340";
        var code = prefix + IndependentCheck.UsccCheck(prefix);
        UnifiedSocialCreditCode.IsValid(code).Should().BeFalse();
    }

    [Fact]
    public void Mask_keeps_the_first_three_and_last_four() =>
        UnifiedSocialCreditCode.Mask("91350100M000100Y43").Should().Be("913***********0Y43");
}
