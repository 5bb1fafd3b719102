using System.Net;
using System.Text;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>
/// Registrations are cheap, so the per-account quota alone bounds nothing: all applicants together may upload only
/// <c>Uploads:MaxMegabytesPerDay</c> a day, and the administrators hear of it once.
/// </summary>
public sealed class UploadBudgetTests : IAsyncLifetime
{
    private SubsidyApp app = null!;

    public async Task InitializeAsync() => app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), settings: new Dictionary<string, string?>
    {
        ["Uploads:MaxMegabytesPerDay"] = "1",
    });

    public async Task DisposeAsync() => await app.DisposeAsync();

    /// <summary>A valid PDF of about 600 KB: one fits in the 1 MB budget, two do not.</summary>
    private static byte[] LargePdf() =>
        Encoding.ASCII.GetBytes("%PDF-1.4\n%" + new string('A', 600 * 1024) + "\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task Past_the_days_budget_every_applicant_is_refused_with_503_and_the_admins_are_mailed_once()
    {
        await app.ClientAsAsync(Roles.Admin);
        var (first, _) = await app.ClientAsAsync(Roles.Applicant);
        var (second, _) = await app.ClientAsAsync(Roles.Applicant);
        var hers = await ClaimApi.CreateAsync(first, documents: false);
        var his = await ClaimApi.CreateAsync(second, documents: false);

        (await first.PostAsync($"/api/v1/claims/{hers.Id()}/documents", DocumentTests.Form("judgment", LargePdf(), "a.pdf")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var refused = await (await second.PostAsync($"/api/v1/claims/{his.Id()}/documents", DocumentTests.Form("judgment", LargePdf(), "b.pdf")))
            .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "upload_budget_spent");
        refused.GetProperty("detail").GetString().Should().Contain("明天");
        await (await first.PostAsync($"/api/v1/claims/{hers.Id()}/documents", DocumentTests.Form("judgment", LargePdf(), "c.pdf")))
            .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "upload_budget_spent");

        await using var conn = await TestPostgres.OpenAsync(app.ConnectionString);
        var admins = await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM users WHERE role = 'admin' AND email <> ''");
        admins.Should().BeGreaterThan(0);
        (await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM outbox_messages WHERE kind = 'upload_budget'"))
            .Should().Be(admins, "each administrator once, however many uploads were refused");
        (await conn.ExecuteScalarAsync<long>("SELECT sum(bytes) FROM upload_budget")).Should().BeLessThan(1024 * 1024, "refused uploads count nothing");
        (await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM claim_documents")).Should().Be(1);
    }
}
