using FluentAssertions;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Tests.Kernel;

/// <summary>How a member's name becomes its code, on names the policy enums do not happen to cover.</summary>
public class EnumCodeSpellingTests
{
    public enum Sample
    {
        A,
        Ab,
        AB,
        ThreeWordName,
        X1Y,
    }

    [Theory]
    [InlineData(Sample.A, "a")]
    [InlineData(Sample.Ab, "ab")]
    [InlineData(Sample.AB, "a_b")]
    [InlineData(Sample.ThreeWordName, "three_word_name")]
    [InlineData(Sample.X1Y, "x1_y")]
    public void Each_capital_after_the_first_letter_starts_a_new_word(Sample value, string code) =>
        EnumCodes.ToCode(value).Should().Be(code);
}
