using FluentAssertions;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>
/// A missing argument is refused by its own name before anything else runs, not by a NullReferenceException (or a
/// LINQ argument name) further in; one entry point a test.
/// </summary>
public class MissingArgumentTests
{
    [Fact]
    public void Evaluate_refuses_a_missing_context()
    {
        var act = () => PolicyEvaluator.Evaluate(Facts.Eligible(), PolicyVersion.Default, null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("ctx");
    }

    [Fact]
    public void InvoiceTotal_refuses_missing_facts()
    {
        var act = () => PolicyEvaluator.InvoiceTotal(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("facts");
    }

    [Fact]
    public void The_tier_rule_refuses_missing_facts()
    {
        var act = () => TierRule.Determine(null!, PolicyVersion.Default);
        act.Should().Throw<ArgumentNullException>().WithParameterName("facts");
    }

    [Fact]
    public void The_tier_rule_refuses_a_missing_version()
    {
        var act = () => TierRule.Determine(Facts.Eligible(), null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("version");
    }

    [Fact]
    public void The_catalog_refuses_missing_versions()
    {
        var act = () => PolicyCatalog.InForce(null!, Facts.JudgmentDate);
        act.Should().Throw<ArgumentNullException>().WithParameterName("versions");
    }

    [Fact]
    public void The_overlap_check_refuses_missing_versions()
    {
        var act = () => PolicyVersion.CheckNoOverlap(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("versions");
    }

    [Fact]
    public void The_warnings_refuse_a_missing_version()
    {
        var act = () => PolicyWarnings.Of(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("version");
    }

    [Fact]
    public void The_window_refuses_a_missing_context()
    {
        var act = () => ApplicationMustBeWithinWindow.LastDay(Facts.JudgmentDate, 30, null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("ctx");
    }

    [Fact]
    public void The_validator_refuses_missing_input()
    {
        var act = () => ClaimFactsValidator.Validate(null!, Facts.JudgmentDate);
        act.Should().Throw<ArgumentNullException>().WithParameterName("input");
    }

    [Fact]
    public void The_claim_requirements_refuse_missing_facts()
    {
        var act = () => ClaimFactsValidator.ClaimRequirements(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("facts");
    }

    [Fact]
    public void The_registrant_category_refuses_a_missing_code()
    {
        var act = () => Registrant.CategoryOf(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("creditCode");
    }

    [Fact]
    public void The_region_code_refuses_a_missing_number()
    {
        var act = () => Registrant.RegionCodeOf(null!, isCreditCode: true);
        act.Should().Throw<ArgumentNullException>().WithParameterName("idNumber");
    }

    [Fact]
    public void The_id_number_check_character_refuses_missing_digits()
    {
        var act = () => ResidentIdNumber.CheckCharacter(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("first17");
    }

    [Fact]
    public void The_credit_code_check_character_refuses_missing_characters()
    {
        var act = () => UnifiedSocialCreditCode.CheckCharacter(null!);
        act.Should().Throw<ArgumentNullException>().WithParameterName("first17");
    }
}
