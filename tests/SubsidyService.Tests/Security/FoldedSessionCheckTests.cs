using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>
/// Issue 23: the claim's own endpoints carry the session check in their first batch instead of a round trip of its
/// own. A token signed out is still refused at its next request on each of them, and nothing is written.
/// </summary>
public sealed class FoldedSessionCheckTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_signed_out_token_is_refused_by_each_folding_endpoint_and_writes_nothing()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var client = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        var claim = await ClaimApi.CreateAsync(client);
        var version = claim.GetProperty("version").GetInt32();

        (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await client.GetAsync($"/api/v1/claims/{claim.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        await (await client.GetAsync($"/api/v1/claims/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        await (await client.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        // A body refused before any database work: the endpoint's filter checks the session itself.
        await (await client.PostAsJsonAsync("/api/v1/claims", new { name = 1 })).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        await (await ClaimApi.FireAsync(client, claim.Id(), version, "submit")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        await (await ClaimApi.FireAsync(client, claim.Id(), version, "withdraw")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");

        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE applicant_id = @Id", new { user.Id })).Should().Be(1);
        (await conn.QuerySingleAsync<(string Status, int Version)>("SELECT status, version FROM claims WHERE id = @id", new { id = claim.Id() }))
            .Should().Be(("draft", version));
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id = @id AND trigger <> 'create' AND trigger <> 'document_added'",
            new { id = claim.Id() })).Should().Be(0);

        var fresh = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        (await ClaimApi.GetAsync(fresh, claim.Id())).Status().Should().Be("draft");
    }

    [Fact]
    public async Task A_disabled_account_and_a_changed_stamp_are_refused_on_the_claims_path_too()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var client = fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username));
        var claim = await ClaimApi.CreateAsync(client, documents: false);
        await fixture.App.Service<UserStore>().RenewStampAsync(user.Id);
        await (await client.GetAsync($"/api/v1/claims/{claim.Id()}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
        await (await client.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body())).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "token_revoked");
    }
}
