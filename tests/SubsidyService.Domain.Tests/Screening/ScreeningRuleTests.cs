using FluentAssertions;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Screening;
using SubsidyService.Domain.Tests.Policy;

namespace SubsidyService.Domain.Tests.Screening;

/// <summary>Issue 18's hostile cases, each against the pure rule that answers it.</summary>
public class ScreeningRuleTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly Guid Mine = Guid.Parse("10000000-0000-0000-0000-000000000000");
    private static readonly Guid Theirs = Guid.Parse("a0000000-0000-0000-0000-000000000000");
    private static readonly Guid MyAccount = Guid.Parse("b0000000-0000-0000-0000-000000000000");
    private static readonly Guid RivalAccount = Guid.Parse("c0000000-0000-0000-0000-000000000000");
    private const string Company = "91350100M000100Y43";

    [Fact]
    public void Three_spellings_of_one_case_are_one_case()
    {
        new[] { "(2025)浙02民初7781号", "（2025）浙02民初07781号", "(2025)浙02民初第7781号" }
            .Select(CaseNumber.Canonical).Distinct().Should().Equal("(2025)浙02民初7781号");
    }

    [Fact]
    public void Three_spellings_from_one_account_are_refused_as_a_duplicate()
    {
        var findings = DuplicateScreening.Screen(
            new ScreeningCandidate(Mine, Company, "(2025)浙02民初第7781号", ["24332000000012345678"]) { AccountId = MyAccount },
            [new LiveClaimRow(Theirs, Company, "(2025)浙02民初07781号", ["24332000000087654321"]) { AccountId = MyAccount }], []);
        findings.Should().ContainSingle().Which.Code.Should().Be(ScreeningCode.DuplicateClaim);
    }

    [Fact]
    public void A_rivals_earlier_claim_on_a_companys_code_and_case_refuses_nothing_and_names_nobody()
    {
        var findings = DuplicateScreening.Screen(
            new ScreeningCandidate(Mine, Company, "(2025)浙02民初7781号", ["24332000000012345678"]) { AccountId = MyAccount },
            [new LiveClaimRow(Theirs, Company, "(2025)浙02民初7781号", ["24332000000087654321"]) { AccountId = RivalAccount }], []);
        var f = findings.Should().ContainSingle().Subject;
        f.Code.Should().Be(ScreeningCode.IdentityConflict);
        f.RefusesSubmission.Should().BeFalse();
        f.Detail.Should().NotContain(Theirs.ToString()).And.NotContain(RivalAccount.ToString()).And.NotContain(Company);
    }

    [Fact]
    public void Two_instances_of_one_dispute_share_a_patent_and_an_opponent()
    {
        var patent = "ZL202010123456." + PatentNumber.CheckCharacter("202010123456");
        var findings = DuplicateScreening.Screen(
            new ScreeningCandidate(Mine, Company, "(2025)浙民终112号", ["24332000000012345678"])
            {
                AccountId = MyAccount, PatentNumbers = [PatentNumber.Canonical(patent)!], OpposingParties = ["某某电器（宁波）有限公司"],
            },
            [new LiveClaimRow(Theirs, Company, "(2024)浙02民初6380号", ["24332000000087654321"])
            {
                AccountId = MyAccount, PatentNumbers = [PatentNumber.Canonical("2020101234562")!], OpposingParties = ["某某电器(宁波)有限公司 "],
            }], []);
        var f = findings.Should().ContainSingle().Subject;
        f.Code.Should().Be(ScreeningCode.SameDispute);
        f.RefusesSubmission.Should().BeFalse();
    }

    [Fact]
    public void The_same_patent_against_another_opponent_is_another_dispute()
    {
        var patent = "2020101234562";
        DuplicateScreening.Screen(
            new ScreeningCandidate(Mine, Company, "(2025)浙民终112号", []) { PatentNumbers = [patent], OpposingParties = ["甲公司"] },
            [new LiveClaimRow(Theirs, Company, "(2024)浙02民初6380号", []) { PatentNumbers = [patent], OpposingParties = ["乙公司"] }], [])
            .Should().BeEmpty();
    }

    [Theory]
    [InlineData("ZL202010123456.2", "2020101234562")]
    [InlineData("202010123456.2", "2020101234562")]
    [InlineData("2020101234562", "2020101234562")]
    [InlineData("zl 9811 0123.X", null)]
    [InlineData("ZL202010123456.7", null)]
    [InlineData("ZL20201012345.2", null)]
    public void Patent_numbers_have_one_canonical_form_and_a_verified_check_character(string text, string? canonical)
    {
        PatentNumber.Canonical(text).Should().Be(canonical);
    }

    [Fact]
    public void An_8_digit_patent_number_with_check_x_is_canonical()
    {
        // Digits whose weighted sum is 10 mod 11 end in X.
        var digits = Enumerable.Range(10_000_000, 2000).Select(n => n.ToString()).First(d => PatentNumber.CheckCharacter(d) == 'X');
        PatentNumber.Canonical($"ZL{digits}.x").Should().Be(digits + "X");
    }

    [Fact]
    public void A_strangers_account_is_not_the_applicants()
    {
        PayeeName.Matches("李四", "王五").Should().BeFalse();
        PayeeName.Matches("某某科技（宁波）有限公司", "某某科技(宁波)有限公司 ").Should().BeTrue();
        PayeeName.Matches("李 四", "李四").Should().BeTrue();
    }

    private static ClaimFactsInput Legal(string type, string first17) => new(
        type, "某某单位", first17 + UnifiedSocialCreditCode.CheckCharacter(first17), true, "(2024)浙02民初123号", "宁波市中级人民法院",
        "patent_infringement", "won", "2024-05-20", false, false, "30000.00",
        [new InvoiceInput("24332000000012345678", "30000.00", "2024-03-01")], []);

    [Fact]
    public void A_sole_traders_code_declared_as_an_enterprise_is_refused_naming_id_number()
    {
        ClaimFactsValidator.Validate(Legal("enterprise", "92330102MA2B3C4D5"), Today).Errors.Should().ContainKey("idNumber");
    }

    [Fact]
    public void An_enterprises_code_declared_as_an_institution_is_refused_naming_applicant_type()
    {
        ClaimFactsValidator.Validate(Legal("institution", "91330102MA2B3C4D5"), Today).Errors.Should().ContainKey("applicantType");
    }

    [Fact]
    public void A_social_organisations_code_is_not_covered()
    {
        var facts = ClaimFactsValidator.Validate(Legal("institution", "51330102MA2B3C4D5"), Today).Value!;
        Facts.Evaluate(facts).Reasons.Select(r => r.Code).Should().Equal(ReasonCode.ApplicantTypeNotCovered);
    }

    [Fact]
    public void A_beijing_code_is_flagged_when_the_countys_codes_are_configured_and_never_otherwise()
    {
        DomicileScreening.Screen("91110105MA2B3C4D5X", true, ["330212"])!.Code.Should().Be(ScreeningCode.DomicileUnverified);
        DomicileScreening.Screen("91330212MA2B3C4D5X", true, ["330212"]).Should().BeNull();
        DomicileScreening.Screen("330212198001011234", false, ["330212"]).Should().BeNull();
        DomicileScreening.Screen("91110105MA2B3C4D5X", true, []).Should().BeNull();
    }

    [Fact]
    public void A_patent_grant_award_excludes_nothing_and_is_listed()
    {
        var facts = Facts.Eligible() with { OtherFunding = [new OtherFunding("省知识产权局", "省级", 3_000.00m, null, FundingPurpose.Other)] };
        var e = Facts.Evaluate(facts);
        e.Eligible.Should().BeTrue();
        e.Trace.Should().Contain(t => t.Step.Contains("省级省知识产权局 3000.00"));
        Facts.Evaluate(facts with { OtherFunding = [facts.OtherFunding[0] with { Purpose = FundingPurpose.LitigationFee }] })
            .Reasons.Select(r => r.Code).Should().Equal(ReasonCode.DuplicateFunding);
    }

    [Fact]
    public void A_judgment_before_the_first_version_is_answered_no_policy_in_force()
    {
        var e = Facts.Evaluate(Facts.Eligible() with { JudgmentEffectiveDate = new DateOnly(2022, 6, 1) });
        e.Reasons.Select(r => r.Code).Should().Equal(ReasonCode.NoPolicyInForce);
        e.Amount.Should().Be(0.00m);
    }

    [Fact]
    public void A_foreign_invoice_in_a_foreign_related_case_counts_its_yuan()
    {
        var input = Legal("enterprise", "91330102MA2B3C4D5") with
        {
            ForeignRelated = true, ForeignCourt = true, CaseNumber = "[2025] EWHC 123 (Pat)",
            Invoices = [new InvoiceInput("INV-2025/0042", "70000.00", "2025-01-10", Currency: "USD", ForeignAmount: "10000.00")],
        };
        var result = ClaimFactsValidator.Validate(input, Today);
        result.Errors.Should().BeEmpty();
        result.Value!.Invoices.Single().Currency.Should().Be("USD");
        PolicyEvaluator.InvoiceTotal(result.Value).Should().Be(70_000.00m);
        result.Value.CanonicalCaseNumbers.Should().Equal("2025EWHC123PAT");

        ClaimFactsValidator.Validate(input with { ForeignRelated = false }, Today).Errors.Keys
            .Should().Contain(["foreignCourt", "invoices[0].currency"]);
    }

    [Fact]
    public void An_unparseable_mainland_case_number_is_refused_naming_case_number()
    {
        ClaimFactsValidator.Validate(Legal("enterprise", "91330102MA2B3C4D5") with { CaseNumber = "浙02民初7781" }, Today)
            .Errors.Should().ContainKey("caseNumber");
    }

    [Fact]
    public void A_wrong_patent_check_character_is_refused_naming_the_patent()
    {
        ClaimFactsValidator.Validate(Legal("enterprise", "91330102MA2B3C4D5") with { PatentNumbers = ["ZL202010123456.2", "ZL202010123456.7"] }, Today)
            .Errors.Keys.Should().Equal("patentNumbers[1]");
    }

    [Fact]
    public void A_patent_claim_must_name_its_patents_and_opponents()
    {
        var facts = ClaimFactsValidator.Validate(Legal("enterprise", "91330102MA2B3C4D5"), Today).Value!;
        ClaimFactsValidator.ClaimRequirements(facts).Keys.Should().BeEquivalentTo("patentNumbers", "opposingParties");
        ClaimFactsValidator.ClaimRequirements(facts with { PatentNumbers = ["2020101234562"], OpposingParties = ["甲公司"] }).Should().BeEmpty();
    }
}
