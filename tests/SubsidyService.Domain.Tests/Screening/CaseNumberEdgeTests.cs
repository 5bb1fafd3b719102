using FluentAssertions;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Tests.Screening;

/// <summary>The edges of case-number canonical forms, one case a test: the ends of ranges, zeros, and missing text.</summary>
public class CaseNumberEdgeTests
{
    [Fact]
    public void A_lower_case_a_is_upper_cased() => CaseNumber.Canonical("(2023)浙02a123号").Should().Be("(2023)浙02A123号");

    [Fact]
    public void A_lower_case_z_is_upper_cased() => CaseNumber.Canonical("(2023)浙02z123号").Should().Be("(2023)浙02Z123号");

    [Fact]
    public void A_lone_lower_case_a_is_not_canonical() => CaseNumber.IsCanonical("a").Should().BeFalse();

    [Fact]
    public void A_lone_lower_case_z_is_not_canonical() => CaseNumber.IsCanonical("z").Should().BeFalse();

    [Fact]
    public void The_characters_around_the_lower_case_letters_are_kept() => CaseNumber.Canonical("`{").Should().Be("`{");

    [Fact]
    public void A_serial_of_zeros_is_zero() => CaseNumber.Canonical("(2023)浙02民初000号").Should().Be("(2023)浙02民初0号");

    [Fact]
    public void A_serial_of_zeros_parses_as_zero() => CaseNumber.TryParse("(2023)浙02民初第000号")!.Sequence.Should().Be("0");

    [Fact]
    public void The_di_before_the_serial_is_dropped() => CaseNumber.Canonical("(2023)浙02民初第45号").Should().Be("(2023)浙02民初45号");

    [Fact]
    public void A_canonical_number_with_a_leading_zero_is_not_canonical() => CaseNumber.IsCanonical("(2023)浙02民初045号").Should().BeFalse();

    [Fact]
    public void A_canonical_number_with_a_zero_inside_is_canonical() => CaseNumber.IsCanonical("(2023)浙02民初105号").Should().BeTrue();

    [Fact]
    public void Round_brackets_are_canonical() => CaseNumber.IsCanonical("(2023)浙02民初1号").Should().BeTrue();

    [Fact]
    public void Full_width_brackets_are_not_canonical() => CaseNumber.IsCanonical("（2023）浙02民初1号").Should().BeFalse();

    [Fact]
    public void A_zero_width_space_is_not_canonical() => CaseNumber.IsCanonical("(2023)浙02民初1号\u200B").Should().BeFalse();

    [Fact]
    public void A_foreign_number_loses_width_spaces_punctuation_and_case() =>
        CaseNumber.ForeignCanonical(" hcmp 1234/2023 ").Should().Be("HCMP12342023");

    [Fact]
    public void A_mainland_number_of_a_foreign_court_is_parsed() =>
        CaseNumber.Canonical("（2023）浙02民初0123号", foreignCourt: true).Should().Be("(2023)浙02民初123号");

    [Fact]
    public void Another_number_of_a_foreign_court_is_compared_as_text() =>
        CaseNumber.Canonical("hcmp 1234/2023", foreignCourt: true).Should().Be("HCMP12342023");

    [Fact]
    public void Another_number_of_a_mainland_court_is_only_rewritten() =>
        CaseNumber.Canonical("hcmp 1234/2023", foreignCourt: false).Should().Be("HCMP1234/2023");

    [Fact]
    public void ForeignCanonical_refuses_missing_text_by_name()
    {
        var act = () => CaseNumber.ForeignCanonical(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("s");
    }

    [Fact]
    public void IsCanonical_refuses_missing_text_by_name()
    {
        var act = () => CaseNumber.IsCanonical(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("s");
    }
}
