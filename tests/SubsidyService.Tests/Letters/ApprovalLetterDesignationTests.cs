using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Letters.Tests;
using SubsidyService.Tests.Approval;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Letters;

/// <summary>The approval letter the service issues states the designation's basis and the undertaking's version.</summary>
public sealed partial class ApprovalLetterDesignationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    [Fact]
    public async Task A_designated_claims_letter_states_the_basis_and_the_undertaking_version()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(Year, "100000.00");
        var claim = await ClaimApi.CreateAsync(s.Applicant, b =>
        {
            b["applicantType"] = "enterprise";
            b["name"] = "某某科技有限公司";
            b["idNumber"] = Policy.EstimateFacts.CompanyCode();
            b["agencyFee"] = "30000.00";
            b["invoices"] = new List<object> { Policy.EstimateFacts.Invoice(number: ClaimApi.Unique().Invoice, amount: "30000.00") };
            b["majorImpact"] = true;
        });
        claim = await ClaimApi.MustFireAsync(s.Verifier, await ClaimApi.MustFireAsync(s.Applicant, claim, "submit"), "start_review");
        claim = await ClaimApi.MustFireAsync(s.Verifier, claim, "verify", data: new { majorImpact = true, designationBasis = "入选省高院年度典型案例" });
        var approved = await ClaimApi.MustFireAsync(s.Finance, claim, "approve");

        var pdf = await (await s.Applicant.GetAsync($"/api/v1/claims/{approved.Id()}/letter")).Content.ReadAsByteArrayAsync();
        var text = Whitespace().Replace(Poppler.Text(pdf), "");

        text.Should().Contain("认定情形具有重大影响").And.Contain("认定依据入选省高院年度典型案例").And.Contain("15,000.00");
        text.Should().MatchRegex(@"已签署《申请人承诺书》（[^）]+版）");
    }

    [Fact]
    public async Task An_undesignated_claims_letter_prints_no_designation()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(Year, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");

        var pdf = await (await s.Applicant.GetAsync($"/api/v1/claims/{approved.Id()}/letter")).Content.ReadAsByteArrayAsync();

        Poppler.Text(pdf).Should().NotContain("认定依据").And.Contain("承诺书");
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
