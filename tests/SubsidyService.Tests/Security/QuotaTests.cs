using System.Net;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>Nobody fills the disk or the sign-in limiter: quotas, freed bytes and rate limits, with small limits configured.</summary>
public sealed class QuotaTests : IAsyncLifetime
{
    private SubsidyApp app = null!;

    public async Task InitializeAsync() => app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), settings: new Dictionary<string, string?>
    {
        ["Uploads:MaxBytesPerApplicant"] = "100",
        ["Uploads:PerMinute"] = "6",
        ["Claims:MaxDraftsPerApplicant"] = "2",
    });

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Removing_a_document_frees_its_bytes_and_the_applicant_quota_counts_only_what_is_kept()
    {
        var (applicant, _) = await app.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        var url = $"/api/v1/claims/{claim.Id()}/documents";
        var pdf = DocumentTests.Pdf; // 50 bytes: two fit in the 100-byte quota, not three
        var doc = await ClaimApi.JsonAsync(await applicant.PostAsync(url, DocumentTests.Form("judgment", pdf, "a.pdf")));
        (await applicant.PostAsync(url, DocumentTests.Form("judgment", pdf, "b.pdf"))).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await applicant.PostAsync(url, DocumentTests.Form("judgment", pdf, "c.pdf"))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "quota_exceeded");

        (await applicant.DeleteAsync($"{url}/{doc.GetProperty("id").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await using var conn = await TestPostgres.OpenAsync(app.ConnectionString);
        (await conn.ExecuteScalarAsync<int>("SELECT length(content) FROM claim_documents WHERE id = @id", new { id = doc.GetProperty("id").GetGuid() }))
            .Should().Be(0, "the record stays, the bytes go");
        (await applicant.PostAsync(url, DocumentTests.Form("judgment", pdf, "c.pdf"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var history = (await ClaimApi.GetAsync(applicant, claim.Id())).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("trigger").GetString());
        history.Should().Contain("document_removed");
    }

    [Fact]
    public async Task Uploads_are_rate_limited_per_person()
    {
        var (applicant, _) = await app.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        var codes = new List<HttpStatusCode>();
        // Not a PDF: each is refused (415), but only after it has counted against the limit of 6 a minute.
        for (var i = 0; i < 8; i++)
            codes.Add((await applicant.PostAsync($"/api/v1/claims/{claim.Id()}/documents", DocumentTests.Form("judgment", [1], "x.pdf"))).StatusCode);
        codes.Take(6).Should().OnlyContain(c => c == HttpStatusCode.UnsupportedMediaType);
        codes.Skip(6).Should().OnlyContain(c => c == HttpStatusCode.TooManyRequests);
        var (other, _) = await app.ClientAsAsync(Roles.Applicant);
        var hers = await ClaimApi.CreateAsync(other, documents: false);
        (await other.PostAsync($"/api/v1/claims/{hers.Id()}/documents", DocumentTests.Form("judgment", [1], "x.pdf"))).StatusCode
            .Should().Be(HttpStatusCode.UnsupportedMediaType, "another person has a limit of her own");
    }

    [Fact]
    public async Task An_applicant_holds_a_limited_number_of_drafts()
    {
        var (applicant, _) = await app.ClientAsAsync(Roles.Applicant);
        await ClaimApi.CreateAsync(applicant, documents: false);
        await ClaimApi.CreateAsync(applicant, documents: false);
        await (await applicant.PostAsync("/api/v1/claims", System.Net.Http.Json.JsonContent.Create(ClaimApi.Body())))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "quota_exceeded");
    }
}

public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_is_rate_limited_per_client_address()
    {
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), settings: new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "4",
        });
        using var client = app.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
            codes.Add((await client.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { username = "nobody", password = "x" }))).StatusCode);
        codes.Take(4).Should().OnlyContain(c => c == HttpStatusCode.Unauthorized);
        codes.Skip(4).Should().OnlyContain(c => c == HttpStatusCode.TooManyRequests);
    }
}
