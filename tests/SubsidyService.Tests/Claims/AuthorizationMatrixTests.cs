using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Claims;

/// <summary>Every endpoint of the claims feature × every kind of caller, each cell asserted.</summary>
public sealed class AuthorizationMatrixTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    public const string Anonymous = "anonymous", Owner = "owner", OtherApplicant = "other_applicant";

    private static readonly string[] Callers = [Anonymous, Owner, OtherApplicant, Roles.Verifier, Roles.Finance, Roles.Auditor, Roles.Admin];

    /// <summary>Expected status per endpoint, in the order of <see cref="Callers"/>.</summary>
    private static readonly Dictionary<string, int[]> Expected = new()
    {
        ["create claim"] = [401, 201, 201, 403, 403, 403, 403],
        ["edit claim"] = [401, 200, 404, 403, 403, 403, 403],
        ["read claim"] = [401, 200, 404, 200, 200, 200, 200],
        ["list claims"] = [401, 200, 200, 200, 200, 200, 200],
        ["upload document"] = [401, 201, 404, 403, 403, 403, 403],
        ["download document"] = [401, 200, 404, 200, 200, 200, 200],
        ["remove document"] = [401, 204, 404, 403, 403, 403, 403],
        ["submit claim"] = [401, 200, 404, 403, 403, 403, 403],
        ["withdraw claim"] = [401, 200, 404, 403, 403, 403, 403],
        ["start review"] = [401, 403, 404, 200, 403, 403, 403],
        ["import register"] = [401, 403, 403, 200, 403, 403, 403],
        ["verify audit chain"] = [401, 403, 403, 403, 403, 200, 403],
        ["export audit events"] = [401, 403, 403, 403, 403, 200, 403],
        ["sign out"] = [401, 204, 204, 204, 204, 204, 204],
        // Each caller's own account: the owner's has a draft, which goes with it; staff accounts are never deleted so.
        ["delete account"] = [401, 204, 204, 403, 403, 403, 403],
        ["verify letter by number alone"] = [400, 400, 400, 400, 400, 400, 400],
        ["add bar"] = [401, 403, 403, 201, 201, 403, 403],
        ["list bars"] = [401, 403, 403, 200, 200, 200, 403],
        ["lift bar"] = [401, 403, 403, 200, 200, 403, 403],
    };

    private static object BarBody() => new
    {
        idNumber = Policy.EstimateFacts.PersonId($"33010219900101{Random.Shared.Next(100, 999)}"), reason = "严重失信",
        until = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
    };

    public static IEnumerable<object[]> Cells() =>
        from e in Expected from i in Enumerable.Range(0, Callers.Length) select new object[] { e.Key, Callers[i], e.Value[i] };

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_what_the_matrix_says(string endpoint, string caller, int expected)
    {
        var (owner, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var draft = await ClaimApi.CreateAsync(owner);
        var doc = await ClaimApi.JsonAsync(await owner.PostAsync($"/api/v1/claims/{draft.Id()}/documents",
            DocumentTests.Form("judgment", DocumentTests.Pdf, "a.pdf")));
        var docUrl = $"/api/v1/claims/{draft.Id()}/documents/{doc.GetProperty("id").GetGuid()}";
        draft = await ClaimApi.GetAsync(owner, draft.Id());
        var client = caller switch
        {
            Anonymous => fixture.App.CreateClient(),
            Owner => owner,
            OtherApplicant => (await fixture.App.ClientAsAsync(Roles.Applicant)).Client,
            _ => (await fixture.App.ClientAsAsync(caller)).Client,
        };

        var response = endpoint switch
        {
            "create claim" => await client.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body()),
            "edit claim" => await client.PutAsJsonAsync($"/api/v1/claims/{draft.Id()}", ClaimApi.Body()),
            "read claim" => await client.GetAsync($"/api/v1/claims/{draft.Id()}"),
            "list claims" => await client.GetAsync("/api/v1/claims"),
            "upload document" => await client.PostAsync($"/api/v1/claims/{draft.Id()}/documents", DocumentTests.Form("other", DocumentTests.Pdf, "b.pdf")),
            "download document" => await client.GetAsync(docUrl),
            "remove document" => await client.DeleteAsync(docUrl),
            "submit claim" => await ClaimApi.FireAsync(client, draft, "submit"),
            "withdraw claim" => await ClaimApi.FireAsync(client, draft, "withdraw"),
            "start review" => await ClaimApi.FireAsync(client, await ClaimApi.MustFireAsync(owner, draft, "submit"), "start_review"),
            "import register" => await client.PostAsync("/api/v1/registers/external-funding", new StringContent(
                "source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\n省局,省级,某人,,(2020)浙01民初1号,1.00,,\n",
                System.Text.Encoding.UTF8, "text/csv")),
            "verify audit chain" => await client.GetAsync("/api/v1/audit/verify"),
            "export audit events" => await client.GetAsync("/api/v1/audit/events"),
            "sign out" => await client.PostAsync("/api/v1/auth/logout", null),
            "delete account" => await client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/auth/account")
                { Content = JsonContent.Create(new { currentPassword = Infrastructure.SubsidyApp.Password }) }),
            "verify letter by number alone" => await client.GetAsync($"/api/v1/letters/{Uri.EscapeDataString("县知补〔2026〕第0001号")}/verify"),
            "add bar" => await client.PostAsJsonAsync("/api/v1/bars", BarBody()),
            "list bars" => await client.GetAsync("/api/v1/bars"),
            "lift bar" => await client.PostAsJsonAsync($"/api/v1/bars/{await BarIdAsync()}/lift", new { reason = "认定有误" }),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

        async Task<Guid> BarIdAsync()
        {
            var verifier = (await fixture.App.ClientAsAsync(Roles.Verifier)).Client;
            return (await ClaimApi.JsonAsync(await verifier.PostAsJsonAsync("/api/v1/bars", BarBody()))).GetProperty("id").GetGuid();
        }

        ((int)response.StatusCode).Should().Be(expected, $"{caller} → {endpoint}: {await response.Content.ReadAsStringAsync()}");
        if (expected >= 400)
            response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
    }
}
