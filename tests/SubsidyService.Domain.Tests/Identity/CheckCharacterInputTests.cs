using FluentAssertions;
using SubsidyService.Domain.Identity;

namespace SubsidyService.Domain.Tests.Identity;

/// <summary>The check-character helpers refuse input they cannot compute over, each case on its own.</summary>
public class CheckCharacterInputTests
{
    [Fact]
    public void A_resident_id_check_of_null_is_refused() =>
        FluentActions.Invoking(() => ResidentIdNumber.CheckCharacter(null!)).Should().Throw<ArgumentNullException>();

    [Theory]
    [InlineData("3301021980010112")]
    [InlineData("330102198001011234")]
    public void A_resident_id_check_needs_seventeen_characters(string first17) =>
        FluentActions.Invoking(() => ResidentIdNumber.CheckCharacter(first17))
            .Should().Throw<ArgumentException>().WithParameterName("first17").WithMessage("须为 17 位数字*");

    [Theory]
    [InlineData("33010219800101A23")]
    [InlineData("3301021980010112X")]
    public void A_resident_id_check_needs_every_character_a_digit(string first17) =>
        FluentActions.Invoking(() => ResidentIdNumber.CheckCharacter(first17))
            .Should().Throw<ArgumentException>().WithParameterName("first17").WithMessage("须为 17 位数字*");

    [Fact]
    public void A_credit_code_check_of_null_is_refused() =>
        FluentActions.Invoking(() => UnifiedSocialCreditCode.CheckCharacter(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void A_credit_code_check_needs_seventeen_characters() =>
        FluentActions.Invoking(() => UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y"))
            .Should().Throw<ArgumentException>().WithParameterName("first17").WithMessage("须为 17 个字符*");

    [Fact]
    public void A_credit_code_check_names_the_position_of_a_character_outside_the_alphabet() =>
        FluentActions.Invoking(() => UnifiedSocialCreditCode.CheckCharacter("91350100I000100Y4"))
            .Should().Throw<ArgumentException>().WithParameterName("first17").WithMessage("第 9 位字符“I”不在代码字符集中*");

    [Fact]
    public void A_person_name_of_null_is_refused() =>
        FluentActions.Invoking(() => Masking.PersonName(null!)).Should().Throw<ArgumentNullException>();

    [Fact]
    public void A_person_born_on_the_earliest_day_accepted_has_a_valid_number()
    {
        const string first17 = "11010519000101002";
        ResidentIdNumber.IsValid(first17 + ResidentIdNumber.CheckCharacter(first17)).Should().BeTrue();
    }

    [Fact]
    public void A_person_born_the_day_before_is_refused()
    {
        const string first17 = "11010518991231002";
        ResidentIdNumber.IsValid(first17 + ResidentIdNumber.CheckCharacter(first17)).Should().BeFalse();
    }
}
