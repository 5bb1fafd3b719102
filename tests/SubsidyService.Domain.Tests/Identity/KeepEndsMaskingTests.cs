using FluentAssertions;
using SubsidyService.Domain.Identity;

namespace SubsidyService.Domain.Tests.Identity;

/// <summary>Masking an identifier to its ends: where "too short to show" stops, one case a test.</summary>
public class KeepEndsMaskingTests
{
    [Fact]
    public void Seven_characters_are_hidden_entirely() => Masking.KeepEnds("abcdefg").Should().Be("*******");

    [Fact]
    public void Eight_characters_show_three_and_four() => Masking.KeepEnds("abcdefgh").Should().Be("ABC*EFGH");

    [Fact]
    public void An_identifier_is_trimmed_and_upper_cased_first() => Masking.KeepEnds(" 11010519491231002x ").Should().Be("110***********002X");

    [Fact]
    public void Missing_text_is_refused_by_name()
    {
        var act = () => Masking.KeepEnds(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("s");
    }

    [Fact]
    public void A_missing_name_is_refused_by_name()
    {
        var act = () => Masking.PersonName(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("name");
    }
}
