using System.Text;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Audit;

public sealed class EventExportIdentityTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly string IdNumber = EstimateFacts.PersonId("11010519491231002");
    private const string AccountNumber = "6222021234567890123";

    /// <summary>A reason typed by staff is free text: it can carry an ID number and an account number.</summary>
    private async Task<Guid> ClaimWithIdentitiesInItsLogAsync()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.MustFireAsync(verifier,
            await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit"), "start_review");
        await ClaimApi.MustFireAsync(verifier, claim, "reject", $"身份证 {IdNumber} 与账户 {AccountNumber} 不属同一人", "evidence_insufficient");
        return claim.Id();
    }

    private static async Task<string> ExportAsync(HttpClient auditor, string query)
    {
        var response = await auditor.GetAsync("/api/v1/audit/events?from=2020-01-01" + query);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_export_masks_identity_and_account_numbers_by_default()
    {
        var claimId = await ClaimWithIdentitiesInItsLogAsync();
        var (auditor, _) = await fixture.App.ClientAsAsync(Roles.Auditor);

        var csv = await ExportAsync(auditor, "");
        var line = csv.Split('\n').Single(l => l.Contains(claimId.ToString()) && l.Contains(",reject,"));
        line.Should().NotContain(IdNumber).And.NotContain(AccountNumber);
        line.Should().Contain("110***********002" + IdNumber[^1]).And.Contain("622************0123");
        csv.Should().NotContain(IdNumber);
    }

    [Fact]
    public async Task The_full_form_shows_them_and_is_recorded_with_who_asked()
    {
        var claimId = await ClaimWithIdentitiesInItsLogAsync();
        var (auditor, auditorUser) = await fixture.App.ClientAsAsync(Roles.Auditor);

        var csv = await ExportAsync(auditor, "&identities=full");
        csv.Split('\n').Single(l => l.Contains(claimId.ToString()) && l.Contains(",reject,"))
            .Should().Contain(IdNumber).And.Contain(AccountNumber);
        csv.Should().Contain(",export_events_full,", "the request is recorded before the rows are read");

        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var asked = await conn.QueryAsync<string>(
            "SELECT trigger FROM claim_events WHERE actor_id = @Id AND trigger LIKE 'export_events%'", new { auditorUser.Id });
        asked.Should().Equal("export_events_full");
        await (await auditor.GetAsync("/api/v1/audit/events?identities=clear")).ShouldBeValidationProblemNamingAsync("identities");
    }
}
