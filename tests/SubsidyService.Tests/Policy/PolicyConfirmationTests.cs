using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

/// <summary>
/// A policy version decides every amount, so one administrator cannot set one alone: it takes effect when another
/// administrator or a finance user confirms it, and it cannot reach back over claims already made.
/// </summary>
public sealed class PolicyConfirmationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Path = "/api/v1/policy-versions";

    /// <summary>Generous on purpose: what a single administrator might try to put in force alone.</summary>
    private static Dictionary<string, object?> Version(string id, string from, string? to) => new()
    {
        ["id"] = id, ["effectiveFrom"] = from, ["effectiveTo"] = to, ["rate"] = "0.90",
        ["caps"] = new Dictionary<string, string> { ["natural_person"] = "900000.00", ["legal_person"] = "900000.00", ["major_or_foreign"] = "900000.00" },
        ["winningOutcomes"] = new[] { "won" }, ["regularCaseTypes"] = new[] { "patent_infringement" },
        ["majorCaseTypes"] = new[] { "patent_infringement" }, ["applicationWindowDays"] = null, ["publicNoticeWorkingDays"] = 0,
    };

    private async Task<JsonElement> ListedAsync(string id) =>
        (await fixture.App.CreateClient().GetFromJsonAsync<List<JsonElement>>(Path))!.Single(v => v.GetProperty("id").GetString() == id);

    private async Task<string?> VersionEstimatedOnAsync(string judgmentDate)
    {
        var facts = EstimateFacts.Valid();
        facts["judgmentEffectiveDate"] = judgmentDate;
        return (await EstimateFacts.JsonAsync(await EstimateFacts.PostAsync(fixture.App.CreateClient(), facts))).GetProperty("policyVersion").GetString();
    }

    [Fact]
    public async Task The_author_cannot_confirm_a_version_another_admin_can_and_only_then_it_is_in_force()
    {
        var (author, _) = await fixture.App.ClientAsAsync(Roles.Admin);
        (await author.PostAsJsonAsync(Path, Version("2016-generous", "2016-01-01", "2016-12-31"))).StatusCode.Should().Be(HttpStatusCode.Created);

        (await ListedAsync("2016-generous")).GetProperty("confirmedAt").ValueKind.Should().Be(JsonValueKind.Null);
        (await VersionEstimatedOnAsync("2016-06-01")).Should().NotBe("2016-generous");
        await (await author.PostAsync($"{Path}/2016-generous/confirm", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "second_person_required");
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        (await verifier.PostAsync($"{Path}/2016-generous/confirm", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await VersionEstimatedOnAsync("2016-06-01")).Should().NotBe("2016-generous");

        var (second, _) = await fixture.App.ClientAsAsync(Roles.Admin);
        var confirmed = await second.PostAsync($"{Path}/2016-generous/confirm", null);
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        (await ListedAsync("2016-generous")).GetProperty("confirmedAt").GetString().Should().NotBeNullOrEmpty();
        (await VersionEstimatedOnAsync("2016-06-01")).Should().Be("2016-generous");
        await (await second.PostAsync($"{Path}/2016-generous/confirm", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "policy_already_confirmed");
        await (await second.DeleteAsync($"{Path}/2016-generous")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "policy_already_confirmed");

        var (auditor, _) = await fixture.App.ClientAsAsync(Roles.Auditor);
        var log = await auditor.GetStringAsync("/api/v1/audit/security-events");
        log.Should().Contain("policy_version_confirmed").And.Contain("2016-generous");
    }

    [Fact]
    public async Task A_version_nobody_confirmed_can_be_withdrawn_and_frees_its_dates()
    {
        var (admin, _) = await fixture.App.ClientAsAsync(Roles.Admin);
        (await admin.PostAsJsonAsync(Path, Version("2015-mistake", "2015-01-01", "2015-12-31"))).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync(Path, Version("2015-again", "2015-06-01", "2015-12-31"))).ShouldBeValidationProblemNamingAsync("effectiveFrom");

        (await admin.DeleteAsync($"{Path}/2015-mistake")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"{Path}/2015-mistake")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync(Path, Version("2015-again", "2015-06-01", "2015-12-31"))).StatusCode.Should().Be(HttpStatusCode.Created);
        var (finance, _) = await fixture.App.ClientAsAsync(Roles.Finance);
        (await finance.DeleteAsync($"{Path}/2015-again")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "withdrawing is the administrators' act");
    }

    /// <summary>
    /// A claim's judgment date lies inside a version, and versions never overlap, so the only claims a new back-dated
    /// version could reach are ones recorded outside the service's own checks (a paper register loaded by hand): made
    /// here by moving a claim's judgment date in the database.
    /// </summary>
    private async Task ClaimJudgedOnAsync(string judgmentDate)
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant, documents: false);
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        await Dapper.SqlMapper.ExecuteAsync(conn, "UPDATE claims SET facts = jsonb_set(facts, '{judgmentEffectiveDate}', to_jsonb(@date)) WHERE id = @id",
            new { date = judgmentDate, id = claim.Id() });
    }

    [Fact]
    public async Task A_back_dated_version_cannot_reach_over_claims_already_made_neither_when_added_nor_when_confirmed()
    {
        await ClaimJudgedOnAsync("2021-03-15");
        var (admin, _) = await fixture.App.ClientAsAsync(Roles.Admin);

        var refused = await admin.PostAsJsonAsync(Path, Version("2021-retro", "2021-01-01", "2021-12-31"));
        await refused.ShouldBeValidationProblemNamingAsync("effectiveFrom");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("不能追溯");

        // Added while no claim falls in its dates; a claim comes before anyone confirms it.
        (await admin.PostAsJsonAsync(Path, Version("2019-retro", "2019-01-01", "2019-12-31"))).StatusCode.Should().Be(HttpStatusCode.Created);
        await ClaimJudgedOnAsync("2019-08-01");
        var (finance, _) = await fixture.App.ClientAsAsync(Roles.Finance);
        await (await finance.PostAsync($"{Path}/2019-retro/confirm", null)).ShouldBeValidationProblemNamingAsync("effectiveFrom");
        (await ListedAsync("2019-retro")).GetProperty("confirmedAt").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Finance_confirms_on_its_page_and_the_admin_page_shows_what_waits()
    {
        var (admin, _) = await fixture.App.ClientAsAsync(Roles.Admin);
        (await admin.PostAsJsonAsync(Path, Version("2014-page", "2014-01-01", "2014-12-31"))).StatusCode.Should().Be(HttpStatusCode.Created);
        var adminPage = await PageForms.SignedInAsync(fixture.App, Roles.Admin);
        (await adminPage.GetStringAsync("/Admin/Policies")).Should().Contain("待他人确认").And.Contain("确认生效");

        var finance = await PageForms.SignedInAsync(fixture.App, Roles.Finance);
        var html = await finance.GetStringAsync("/Finance/Policies");
        html.Should().Contain("2014年版（第十三项）").And.Contain("90%").And.Contain("900,000.00 元");
        var token = await PageForms.TokenAsync(finance, "/Finance/Policies");
        var post = await finance.PostAsync("/Finance/Policies", new FormUrlEncodedContent([new("policyVersion", "2014-page"), new("__RequestVerificationToken", token)]));
        post.StatusCode.Should().Be(HttpStatusCode.Redirect, await post.Content.ReadAsStringAsync());
        (await finance.GetStringAsync("/Finance/Policies")).Should().Contain("2014年版（第十三项）已确认");
        (await ListedAsync("2014-page")).GetProperty("confirmedAt").GetString().Should().NotBeNullOrEmpty();
    }
}

/// <summary>For tests that add a version and then use it: the second person's confirmation.</summary>
public static class PolicyApi
{
    public static async Task ConfirmAsFinanceAsync(SubsidyApp app, string id)
    {
        var (finance, _) = await app.ClientAsAsync(Roles.Finance);
        var response = await finance.PostAsync($"/api/v1/policy-versions/{id}/confirm", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
