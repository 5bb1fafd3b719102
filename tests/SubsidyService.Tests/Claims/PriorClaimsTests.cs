using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Claims;

/// <summary>API.md <c>priorClaims</c>: staff see the identity's and the case's earlier claims, whatever became of them; applicants never.</summary>
public sealed class PriorClaimsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static JsonElement? Prior(JsonElement claim, Guid id) =>
        claim.GetProperty("priorClaims").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task Staff_see_the_identitys_earlier_claims_with_their_outcome_and_the_applicant_does_not()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var (finance, _) = await fixture.App.ClientAsAsync(Roles.Finance);
        var person = EstimateFacts.PersonId();
        var stranger = EstimateFacts.PersonId("33010219750505456");

        var rejected = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = person), "submit");
        rejected = await ClaimApi.MustFireAsync(verifier, rejected, "reject", reason: "判决书与案号不符", reasonCode: "evidence_insufficient");
        var others = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = stranger), "submit");
        await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = person, documents: false); // a draft claims nothing
        var current = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = person), "submit");

        var seen = await ClaimApi.GetAsync(verifier, current.Id());
        seen.GetProperty("priorClaims").GetArrayLength().Should().Be(1, "only the same identity's submitted earlier claim, not a draft nor another person's");
        var prior = Prior(seen, rejected.Id())!.Value;
        prior.GetProperty("status").GetString().Should().Be("rejected");
        prior.GetProperty("reasonCode").GetString().Should().Be("evidence_insufficient");
        prior.GetProperty("caseNumber").GetString().Should().Be(rejected.GetProperty("facts").GetProperty("caseNumber").GetString());
        prior.GetProperty("amount").GetString().Should().Be("4000.00");
        prior.GetProperty("decidedAt").ValueKind.Should().Be(JsonValueKind.String);
        prior.GetProperty("relations").EnumerateArray().Select(r => r.GetString()).Should().Equal("same_identity");
        Prior(seen, others.Id()).Should().BeNull();

        (await ClaimApi.GetAsync(finance, current.Id())).GetProperty("priorClaims").GetArrayLength().Should().Be(1);
        (await ClaimApi.GetAsync(applicant, current.Id())).TryGetProperty("priorClaims", out _).Should().BeFalse("an applicant never sees it");
        (await ClaimApi.GetAsync(verifier, rejected.Id())).GetProperty("priorClaims").GetArrayLength().Should().Be(0, "only earlier claims");

        var page = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var html = await page.HtmlAsync($"/Verifier/Claims/{current.Id()}");
        html.Should().Contain("id=\"prior-claims\"").And.Contain($"data-prior=\"{rejected.Id()}\"").And.Contain("同一申请人")
            .And.NotContain($"data-prior=\"{others.Id()}\"");
    }
}
