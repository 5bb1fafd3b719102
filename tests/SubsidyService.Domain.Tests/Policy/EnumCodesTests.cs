using FluentAssertions;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Tests.Policy;

public class EnumCodesTests
{
    [Fact]
    public void Codes_are_the_snake_case_of_policy_md()
    {
        EnumCodes.AllCodes<ApplicantType>().Should().Equal("natural_person", "enterprise", "institution");
        EnumCodes.AllCodes<CaseType>().Should().Equal(
            "patent_infringement", "trademark", "copyright", "trade_secret", "unfair_competition", "plant_variety", "other_ip");
        EnumCodes.AllCodes<CaseOutcome>().Should().Equal("won", "partially_won", "lost", "settled", "withdrawn");
        EnumCodes.AllCodes<Tier>().Should().Equal("natural_person", "legal_person", "major_or_foreign");
        EnumCodes.AllCodes<ReasonCode>().Should().Equal(
            "not_domiciled", "not_won", "case_type_not_covered", "no_invoice", "duplicate_funding", "outside_application_window",
            "not_rights_holder", "no_policy_in_force", "applicant_type_not_covered");
        EnumCodes.AllCodes<PartyRole>().Should().Equal("plaintiff", "defendant");
    }

    [Fact]
    public void Every_code_parses_back()
    {
        foreach (var value in Enum.GetValues<CaseType>())
        {
            EnumCodes.TryParse<CaseType>(EnumCodes.ToCode(value), out var parsed).Should().BeTrue();
            parsed.Should().Be(value);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("NaturalPerson")]
    [InlineData("Natural_Person")]
    [InlineData("0")]
    [InlineData(" natural_person")]
    public void Anything_else_is_unknown(string? code) => EnumCodes.TryParse<ApplicantType>(code, out _).Should().BeFalse();
}
