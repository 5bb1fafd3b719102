using System.Text.RegularExpressions;
using FluentAssertions;

namespace SubsidyService.Letters.Tests;

/// <summary>What an approval letter says of the bureau's designation and of the undertaking the applicant signed.</summary>
public sealed partial class ApprovalLetterWordingTests(LetterRendererFixture fixture) : IClassFixture<LetterRendererFixture>
{
    private static LetterContent With(string? designation, string? basis, string? undertaking)
    {
        var sample = LetterSamples.Approval();
        return sample with { Approval = sample.Approval! with { Designation = designation, DesignationBasis = basis, UndertakingVersion = undertaking } };
    }

    private string Text(LetterContent content) => Whitespace().Replace(Poppler.Text(fixture.Renderer.Render(content)), "");

    [Fact]
    public void A_designated_case_states_the_designation_and_its_basis()
    {
        var text = Text(With("具有重大影响", "入选省高院年度典型案例", "2026-1"));

        text.Should().Contain("认定情形具有重大影响").And.Contain("认定依据入选省高院年度典型案例");
    }

    [Fact]
    public void A_case_not_designated_prints_no_designation_rows()
    {
        var text = Text(With(null, null, "2026-1"));

        text.Should().NotContain("认定情形").And.NotContain("认定依据");
    }

    [Fact]
    public void A_designation_without_its_basis_is_not_printed_half()
    {
        Text(With("涉外", " ", "2026-1")).Should().NotContain("认定情形");
    }

    [Fact]
    public void The_letter_cites_the_version_of_the_undertaking_the_applicant_accepted()
    {
        Text(With(null, null, "2026-1")).Should().Contain("已签署《申请人承诺书》（2026-1版）").And.Contain("追回");
        Text(With(null, null, null)).Should().NotContain("承诺书", "a claim from before the undertaking cites none");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
