using System.Net;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// A NUL in any text, pasted or sent on purpose, cannot be stored by PostgreSQL: the request is refused as the
/// sender's (400) and nothing of it is kept, whichever feature received it, instead of answering 500.
/// </summary>
public sealed class UnstorableTextTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_nul_in_a_reason_is_refused_and_the_claim_is_unchanged()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");

        await (await ClaimApi.FireAsync(verifier, claim, "reject", reason: "材料\u0000不足", reasonCode: "evidence_insufficient"))
            .ShouldBeValidationProblemNamingAsync("body");

        var after = await ClaimApi.GetAsync(verifier, claim.Id());
        after.GetProperty("status").GetString().Should().Be("submitted");
        after.GetProperty("version").GetInt32().Should().Be(claim.GetProperty("version").GetInt32());
        (await ClaimApi.FireAsync(verifier, claim, "reject", reason: "材料不足", reasonCode: "evidence_insufficient"))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the same request without the NUL goes through");
    }
}
