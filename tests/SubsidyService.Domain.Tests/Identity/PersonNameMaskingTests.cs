using FluentAssertions;
using SubsidyService.Domain.Identity;

namespace SubsidyService.Domain.Tests.Identity;

public class PersonNameMaskingTests
{
    [Theory]
    [InlineData("张明", "张*")]
    [InlineData("李小龙", "李**")]
    [InlineData("欧阳明华", "欧***")]
    [InlineData(" 王五 ", "王*")]
    [InlineData("张", "张")]
    [InlineData("", "")]
    public void The_surname_is_kept_and_every_other_character_becomes_a_star(string name, string masked) =>
        Masking.PersonName(name).Should().Be(masked);

    [Fact]
    public void A_character_outside_the_basic_plane_counts_as_one()
    {
        // 𠀋 is one character written as two UTF-16 units.
        Masking.PersonName("张𠀋明").Should().Be("张**");
        Masking.PersonName("𠀋明").Should().Be("𠀋*");
    }
}
