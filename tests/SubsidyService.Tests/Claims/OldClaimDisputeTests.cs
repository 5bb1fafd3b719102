using System.Net;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Claims;

/// <summary>
/// A patent claim stored before patents and opponents were asked for still loads, cannot be verified until a verifier
/// adds them, and is then screened for another instance of its dispute as a new claim would be.
/// </summary>
public sealed class OldClaimDisputeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static List<string> FlagCodes(JsonElement claim) =>
        claim.GetProperty("screening").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();

    /// <summary>A submitted claim whose facts are made to look as they were stored before the two fields existed.</summary>
    private async Task<JsonElement> OldClaimAsync(HttpClient applicant, HttpClient verifier)
    {
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        await using (var db = await TestPostgres.OpenAsync(fixture.ConnectionString))
            await db.ExecuteAsync("UPDATE claims SET facts = facts - 'patentNumbers' - 'opposingParties' WHERE id = @id", new { id = claim.Id() });
        return await ClaimApi.MustFireAsync(verifier, await ClaimApi.GetAsync(verifier, claim.Id()), "start_review");
    }

    [Fact]
    public async Task An_old_claim_waits_for_its_dispute_and_the_added_patent_finds_the_other_instance()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var old = await OldClaimAsync(applicant, verifier);
        old.GetProperty("facts").GetProperty("patentNumbers").GetArrayLength().Should().Be(0, "the old claim loads, with none");

        // The same dispute's second instance, claimed since with its patent and opponent (by another applicant).
        var patent = EstimateFacts.UniquePatent();
        var (other, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var second = await ClaimApi.MustFireAsync(other, await ClaimApi.CreateAsync(other, b =>
        {
            b["idNumber"] = EstimateFacts.PersonId("33010219750505456");
            b["patentNumbers"] = new List<object> { patent };
            b["opposingParties"] = new List<object> { "宁波某某电器有限公司" };
        }), "submit");
        FlagCodes(await ClaimApi.GetAsync(verifier, second.Id())).Should().NotContain("same_dispute", "the old claim names no patent yet");

        old.Triggers().Should().Contain("add_dispute_details").And.NotContain("verify");
        var refused = await ClaimApi.FireAsync(verifier, old, "verify");
        (await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "trigger_not_permitted")).ToString().Should().Contain("专利号");
        (await ClaimApi.FireAsync(applicant, old, "add_dispute_details", data: new { patentNumbers = new[] { patent }, opposingParties = new[] { "x" } }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "only a verifier adds them");

        // A typo in the check character is named, as on the claim form; nothing is written.
        var digits = patent[2..14];
        var wrong = "ZL" + digits + "." + (patent[^1] == '1' ? '2' : '1');
        var typo = await ClaimApi.FireAsync(verifier, old, "add_dispute_details", data: new { patentNumbers = new[] { wrong }, opposingParties = new[] { "某某电器" } });
        (await typo.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").EnumerateObject()
            .Select(p => p.Name).Should().Equal("data.patentNumbers[0]");
        var empty = await ClaimApi.FireAsync(verifier, old, "add_dispute_details", data: new { patentNumbers = Array.Empty<string>() });
        (await empty.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").EnumerateObject()
            .Select(p => p.Name).Should().BeEquivalentTo("data.patentNumbers", "data.opposingParties");

        // The opponent spelled with other brackets and spaces is the same party.
        var added = await ClaimApi.MustFireAsync(verifier, await ClaimApi.GetAsync(verifier, old.Id()), "add_dispute_details",
            data: new { patentNumbers = new[] { digits + patent[^1] }, opposingParties = new[] { " 宁波某某电器有限公司 " } });
        added.Status().Should().Be("under_review");
        added.GetProperty("facts").GetProperty("patentNumbers").EnumerateArray().Select(p => p.GetString()).Should().HaveCount(1);
        FlagCodes(added).Should().Contain("same_dispute");
        FlagCodes(await ClaimApi.GetAsync(verifier, second.Id())).Should().Contain("same_dispute", "the other instance learns of it too");
        added.Triggers().Should().NotContain("add_dispute_details", "once named, the dispute is the claim's facts");
        added.Triggers().Should().NotContain("verify", "the flag is open");

        // The log keeps the public patent number, never the opponent's name.
        var record = added.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("trigger").GetString() == "add_dispute_details");
        record.GetProperty("data").ToString().Should().NotContain("宁波某某电器有限公司").And.Contain("same_dispute");
        await using var db = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id = @id AND data::text LIKE '%某某电器%'", new { id = old.Id() }))
            .Should().Be(0);
    }

    [Fact]
    public async Task An_old_claim_with_no_other_instance_is_verified_once_its_dispute_is_named_and_the_page_offers_the_form()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var old = await OldClaimAsync(applicant, verifier);

        var page = await PageBrowser.SignInAsync(fixture.App, Roles.Verifier);
        var html = await page.HtmlAsync($"/Verifier/Claims/{old.Id()}");
        html.Should().Contain("id=\"dispute-details\"").And.Contain("name=\"Input.PatentNumbers\"");

        var added = await ClaimApi.MustFireAsync(verifier, old, "add_dispute_details",
            data: new { patentNumbers = new[] { EstimateFacts.UniquePatent() }, opposingParties = new[] { "某某电器有限公司" } });
        FlagCodes(added).Should().NotContain("same_dispute");
        (await ClaimApi.MustFireAsync(verifier, added, "verify")).Status().Should().Be("verified");
        (await page.HtmlAsync($"/Verifier/Claims/{old.Id()}")).Should().NotContain("id=\"dispute-details\"");
    }
}
