using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

/// <summary>Ending the open-ended default version so that a new edition can follow it (its own database: it changes the default).</summary>
public sealed class PolicyEndingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static object Successor(string from) => new
    {
        id = "2025-revised", effectiveFrom = from, effectiveTo = (string?)null, rate = "0.60",
        caps = new Dictionary<string, string> { ["natural_person"] = "6000.00", ["legal_person"] = "12000.00", ["major_or_foreign"] = "60000.00" },
        winningOutcomes = new[] { "won", "partially_won" }, regularCaseTypes = new[] { "patent_infringement" },
        majorCaseTypes = new[] { "patent_infringement", "trademark", "copyright" }, applicationWindowDays = (int?)null, publicNoticeWorkingDays = 5,
    };

    [Fact]
    public async Task An_admin_ends_the_default_version_and_a_successor_takes_the_later_judgments()
    {
        var (admin, _) = await fixture.App.ClientAsAsync(Roles.Admin);
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var old = await ClaimApi.CreateAsync(applicant, b => b["judgmentEffectiveDate"] = "2024-05-20");

        await (await admin.PostAsJsonAsync("/api/v1/policy-versions", Successor("2025-01-01")))
            .ShouldBeValidationProblemNamingAsync("effectiveFrom");
        await (await admin.PutAsJsonAsync("/api/v1/policy-versions/2023-item13/effective-to", new { effectiveTo = "2024-01-31" }))
            .ShouldBeValidationProblemNamingAsync("effectiveTo");
        await (await admin.PutAsJsonAsync("/api/v1/policy-versions/2023-item13/effective-to", new { effectiveTo = "2022-12-31" }))
            .ShouldBeValidationProblemNamingAsync("effectiveTo");
        (await admin.PutAsJsonAsync("/api/v1/policy-versions/no-such/effective-to", new { effectiveTo = "2024-12-31" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        (await verifier.PutAsJsonAsync("/api/v1/policy-versions/2023-item13/effective-to", new { effectiveTo = "2024-12-31" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var ended = await admin.PutAsJsonAsync("/api/v1/policy-versions/2023-item13/effective-to", new { effectiveTo = "2024-12-31" });
        ended.StatusCode.Should().Be(HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        (await admin.PostAsJsonAsync("/api/v1/policy-versions", Successor("2025-01-01"))).StatusCode.Should().Be(HttpStatusCode.Created);
        await PolicyApi.ConfirmAsFinanceAsync(fixture.App, "2025-revised");

        var later = await ClaimApi.CreateAsync(applicant, b => b["judgmentEffectiveDate"] = "2025-03-01");
        later.GetProperty("policyVersion").GetString().Should().Be("2025-revised");
        later.GetProperty("estimate").GetProperty("amount").GetString().Should().Be("4800.00");
        (await ClaimApi.GetAsync(applicant, old.Id())).GetProperty("policyVersion").GetString().Should().Be("2023-item13");
    }
}
