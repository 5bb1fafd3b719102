using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Claims;

/// <summary>A % or _ typed into a search looks for that character; it is no wildcard that matches every claim.</summary>
public sealed class ListSearchWildcardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    public async Task A_wildcard_typed_into_the_claim_search_matches_no_claim_without_it(string typed)
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);

        var everything = await ClaimApi.JsonAsync(await verifier.GetAsync("/api/v1/claims"));
        everything.GetProperty("items").GetArrayLength().Should().BeGreaterThan(0);
        var search = await ClaimApi.JsonAsync(await verifier.GetAsync($"/api/v1/claims?q={Uri.EscapeDataString(typed)}"));

        search.GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_percent_sign_typed_into_the_account_search_matches_no_account_without_it()
    {
        await fixture.App.CreateUserAsync("verifier");
        var accounts = fixture.App.Service<AccountList>();
        (await accounts.PageAsync(new AccountQuery(null, null, null), 1, 20)).Total.Should().BeGreaterThan(0);

        (await accounts.PageAsync(new AccountQuery(null, "%", null), 1, 20)).Total.Should().Be(0);
    }
}
