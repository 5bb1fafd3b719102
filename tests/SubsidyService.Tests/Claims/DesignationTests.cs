using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Claims;

/// <summary>The higher tier is the bureau's designation with its basis, never the applicant's declaration.</summary>
public sealed class DesignationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>An enterprise that declared its case of major impact, under review.</summary>
    private async Task<(HttpClient Verifier, JsonElement Claim)> DeclaredMajorAsync()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.CreateAsync(applicant, b =>
        {
            b["applicantType"] = "enterprise";
            b["name"] = "某某科技有限公司";
            b["idNumber"] = Policy.EstimateFacts.CompanyCode();
            b["agencyFee"] = "30000.00";
            b["invoices"] = new List<object> { Policy.EstimateFacts.Invoice(number: ClaimApi.Unique().Invoice, amount: "30000.00") };
            b["majorImpact"] = true;
        });
        claim.GetProperty("estimate").GetProperty("amount").GetString().Should().Be("15000.00", "the estimate follows the declaration");
        return (verifier, await ClaimApi.MustFireAsync(verifier, await ClaimApi.MustFireAsync(applicant, claim, "submit"), "start_review"));
    }

    [Fact]
    public async Task Verify_without_a_designation_is_not_designated_whatever_the_applicant_declared()
    {
        var (verifier, claim) = await DeclaredMajorAsync();
        claim = await ClaimApi.MustFireAsync(verifier, claim, "verify", data: new { });
        claim.GetProperty("estimate").GetProperty("amount").GetString().Should().Be("10000.00");
        claim.GetProperty("estimate").GetProperty("tier").GetString().Should().Be("legal_person");
        claim.GetProperty("verification").GetProperty("majorImpact").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task A_designation_without_its_basis_is_refused_naming_it()
    {
        var (verifier, claim) = await DeclaredMajorAsync();
        await (await ClaimApi.FireAsync(verifier, claim, "verify", data: new { majorImpact = true }))
            .ShouldBeValidationProblemNamingAsync("data.designationBasis");
        await (await ClaimApi.FireAsync(verifier, claim, "verify", data: new { foreignRelated = true, designationBasis = "  " }))
            .ShouldBeValidationProblemNamingAsync("data.designationBasis");
        (await ClaimApi.GetAsync(verifier, claim.Id())).Status().Should().Be("under_review");
    }

    [Fact]
    public async Task A_designation_with_its_basis_raises_the_cap_and_the_basis_is_kept()
    {
        var (verifier, claim) = await DeclaredMajorAsync();
        claim = await ClaimApi.MustFireAsync(verifier, claim, "verify",
            data: new { majorImpact = true, designationBasis = "入选省高院年度典型案例" });
        claim.GetProperty("estimate").GetProperty("amount").GetString().Should().Be("15000.00");
        claim.GetProperty("estimate").GetProperty("tier").GetString().Should().Be("major_or_foreign");
        claim.GetProperty("verification").GetProperty("designationBasis").GetString().Should().Be("入选省高院年度典型案例");
        var verify = claim.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("trigger").GetString() == "verify");
        verify.GetProperty("data").GetProperty("designationBasis").GetString().Should().Be("入选省高院年度典型案例");
    }

    [Fact]
    public async Task The_verify_panel_starts_unticked_and_shows_what_the_applicant_declared()
    {
        var (_, claim) = await DeclaredMajorAsync();
        var verifier = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var html = await verifier.HtmlAsync($"/Verifier/Claims/{claim.Id()}");
        html.Should().Contain("申请人申报：具有重大影响").And.Contain("name=\"Input.DesignationBasis\"");
        html.Should().NotContain("name=\"Input.MajorImpact\" value=\"true\" checked");
        // The verifier sees what identifies the dispute, to judge a same_dispute flag.
        var patent = claim.GetProperty("facts").GetProperty("patentNumbers")[0].GetString()!;
        html.Should().Contain("涉案专利").And.Contain(patent).And.Contain("某某电器有限公司");
    }
}
