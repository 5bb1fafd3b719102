using FluentAssertions;
using SubsidyService.Domain.Identity;

namespace SubsidyService.Domain.Tests.Identity;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static readonly string[] Prefixes =
    [
        "11010519491231002", // the standard's own example, check character X
        "33078219850612341",
        "33078220000229001",
        "44030419191111123",
        "51010720260301888",
        "32010219761003567",
    ];

    public static TheoryData<string> ValidNumbers() => new(Prefixes.Select(p => p + IndependentCheck.ResidentCheck(p)));

    [Fact]
    public void The_standards_example_has_check_character_X() =>
        IndependentCheck.ResidentCheck("11010519491231002").Should().Be('X');

    [Theory]
    [MemberData(nameof(ValidNumbers))]
    public void Valid_numbers_pass_with_and_without_a_today(string id)
    {
        ResidentIdNumber.IsValid(id, Today).Should().BeTrue();
        ResidentIdNumber.IsValid(id).Should().BeTrue();
        ResidentIdNumber.CheckCharacter(id[..17]).Should().Be(id[17]);
    }

    [Fact]
    public void A_lower_case_x_is_accepted() => ResidentIdNumber.IsValid("11010519491231002x", Today).Should().BeTrue();

    [Theory]
    [MemberData(nameof(ValidNumbers))]
    public void Every_single_character_corruption_fails(string id)
    {
        var corruptions = 0;
        for (var position = 0; position < id.Length; position++)
        {
            foreach (var replacement in "0123456789XxA ")
            {
                if (char.ToUpperInvariant(replacement) == char.ToUpperInvariant(id[position]))
                    continue;
                var corrupted = id[..position] + replacement + id[(position + 1)..];
                ResidentIdNumber.IsValid(corrupted, Today).Should().BeFalse($"{corrupted} changes position {position + 1}");
                corruptions++;
            }
        }

        corruptions.Should().BeGreaterThan(18 * 10);
    }

    [Theory]
    [InlineData("330782189912310")] // born 1899-12-31
    [InlineData("330782202602300")] // 30 February
    [InlineData("330782199013010")] // month 13
    [InlineData("330782202603020")] // the day after today
    public void Impossible_birth_dates_fail_even_with_a_correct_check_character(string first15)
    {
        var first17 = first15 + "12";
        ResidentIdNumber.IsValid(first17 + IndependentCheck.ResidentCheck(first17), Today).Should().BeFalse();
    }

    [Fact]
    public void A_future_birth_date_is_only_caught_when_today_is_known()
    {
        var first17 = "33078220300101123";
        var id = first17 + IndependentCheck.ResidentCheck(first17);
        ResidentIdNumber.IsValid(id).Should().BeTrue();
        ResidentIdNumber.IsValid(id, Today).Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("11010519491231002")]
    [InlineData("11010519491231002XX")]
    [InlineData("110105194912310")]
    public void Wrong_lengths_fail(string? id) => ResidentIdNumber.IsValid(id, Today).Should().BeFalse();

    [Theory]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData("11010519491231002x", "110***********002X")]
    [InlineData("1234567", "*******")]
    [InlineData("12345678", "123*5678")]
    public void Mask_keeps_the_first_three_and_last_four(string id, string masked) =>
        ResidentIdNumber.Mask(id).Should().Be(masked);
}
