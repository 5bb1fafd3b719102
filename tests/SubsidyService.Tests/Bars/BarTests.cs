using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Bars;

/// <summary>Bars (失信): a barred identity cannot submit until the bar ends or is lifted; both acts are in the chained log.</summary>
public sealed class BarTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SubsidyApp App => fixture.App;

    private static string FreshPersonId() => EstimateFacts.PersonId($"33010219800101{Random.Shared.Next(100, 999)}");

    private static string Tomorrow(int days = 1) =>
        DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_barred_identity_is_refused_at_submission_without_saying_why_until_the_bar_is_lifted()
    {
        var applicant = (await App.ClientAsAsync(Roles.Applicant)).Client;
        var verifier = (await App.ClientAsAsync(Roles.Verifier)).Client;
        var finance = (await App.ClientAsAsync(Roles.Finance)).Client;
        var idNumber = FreshPersonId();
        var claim = await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = idNumber);

        // Lower case and spaces around it: the same identity.
        const string reason = "经查实以伪造发票骗取补助（追回决定书）";
        var added = await verifier.PostAsJsonAsync("/api/v1/bars", new { idNumber = $"  {idNumber.ToLowerInvariant()} ", reason, until = Tomorrow(30) });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var bar = await ClaimApi.JsonAsync(added);
        bar.GetProperty("active").GetBoolean().Should().BeTrue();
        bar.GetProperty("idNumber").GetString().Should().NotContain(idNumber[3..^4], "the list shows the identity masked");
        bar.GetProperty("until").GetString().Should().Be(Tomorrow(30));

        var refused = await ClaimApi.FireAsync(applicant, claim, "submit");
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "applicant_barred");
        var text = problem.ToString();
        text.Should().NotContain("伪造").And.NotContain("审核").And.NotContain(bar.GetProperty("createdBy").GetString()!, "the applicant is not told by whom or why");
        (await ClaimApi.GetAsync(applicant, claim.Id())).Status().Should().Be("draft", "a refused submission changes nothing");

        // Another identity of the same account is not barred.
        var other = await ClaimApi.CreateAsync(applicant, b => b["idNumber"] = FreshPersonId());
        (await ClaimApi.MustFireAsync(applicant, other, "submit")).Status().Should().Be("submitted");

        var list = await ClaimApi.JsonAsync(await finance.GetAsync($"/api/v1/bars?idNumber={idNumber}"));
        list.EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).Should().Equal(bar.GetProperty("id").GetGuid());

        (await finance.PostAsJsonAsync($"/api/v1/bars/{bar.GetProperty("id")}/lift", new { reason = "" })).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var lifted = await finance.PostAsJsonAsync($"/api/v1/bars/{bar.GetProperty("id")}/lift", new { reason = "复议撤销原认定" });
        lifted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ClaimApi.JsonAsync(lifted)).GetProperty("active").GetBoolean().Should().BeFalse();
        await (await finance.PostAsJsonAsync($"/api/v1/bars/{bar.GetProperty("id")}/lift", new { reason = "再次" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "bar_already_lifted");
        (await ClaimApi.MustFireAsync(applicant, claim, "submit")).Status().Should().Be("submitted", "once lifted the identity may submit");

        // Both acts are in the chained log with the identity as a fingerprint and its masked form only.
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var events = (await conn.QueryAsync<(string Trigger, string Reason, string Data)>(
            "SELECT trigger, reason, data::text FROM claim_events WHERE claim_id IS NULL AND trigger IN ('bar_added', 'bar_lifted') AND data->>'barId' = @id ORDER BY id",
            new { id = bar.GetProperty("id").GetGuid().ToString() })).ToList();
        events.Select(e => e.Trigger).Should().Equal("bar_added", "bar_lifted");
        events[0].Reason.Should().Be(reason);
        var lastFour = idNumber[^4..];
        events.Should().OnlyContain(e => !e.Data.Contains(idNumber) && e.Data.Contains("idNumberFingerprint") && e.Data.Contains(lastFour));
        var verified = await ClaimApi.JsonAsync(await (await App.ClientAsAsync(Roles.Auditor)).Client.GetAsync("/api/v1/audit/verify"));
        verified.GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_credit_code_is_barred_too_and_an_expired_bar_refuses_nothing()
    {
        var applicant = (await App.ClientAsAsync(Roles.Applicant)).Client;
        var finance = (await App.ClientAsAsync(Roles.Finance)).Client;
        var code = EstimateFacts.CompanyCode($"91330102MA2B{Random.Shared.Next(10000, 99999)}");
        (await finance.PostAsJsonAsync("/api/v1/bars", new { idNumber = code, reason = "严重失信", until = Tomorrow(0) })).StatusCode.Should().Be(HttpStatusCode.Created);
        var claim = await ClaimApi.CreateAsync(applicant, b => { b["applicantType"] = "enterprise"; b["name"] = "某某科技有限公司"; b["idNumber"] = code;
            ((Dictionary<string, object?>)b["bankAccount"]!)["accountName"] = "某某科技有限公司"; });
        await (await ClaimApi.FireAsync(applicant, claim, "submit")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "applicant_barred");

        // A bar that ended yesterday: put in place directly, since the API refuses a past date.
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        await conn.ExecuteAsync("UPDATE bars SET until = until - 1 WHERE id_number = @code", new { code });
        (await ClaimApi.MustFireAsync(applicant, claim, "submit")).Status().Should().Be("submitted");
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field_and_roles_are_checked()
    {
        var verifier = (await App.ClientAsAsync(Roles.Verifier)).Client;
        await (await verifier.PostAsJsonAsync("/api/v1/bars", new { idNumber = "330102198001011230", reason = "x", until = Tomorrow() }))
            .ShouldBeValidationProblemNamingAsync("idNumber");
        await (await verifier.PostAsJsonAsync("/api/v1/bars", new { idNumber = FreshPersonId(), reason = " ", until = Tomorrow() }))
            .ShouldBeValidationProblemNamingAsync("reason");
        await (await verifier.PostAsJsonAsync("/api/v1/bars", new { idNumber = FreshPersonId(), reason = "x", until = "2020-01-01" }))
            .ShouldBeValidationProblemNamingAsync("until");
        await (await verifier.PostAsJsonAsync("/api/v1/bars", new { idNumber = FreshPersonId(), reason = "x", until = "明年" }))
            .ShouldBeValidationProblemNamingAsync("until");
        await (await verifier.PostAsJsonAsync("/api/v1/bars", new { idNumber = FreshPersonId(), reason = "x", until = Tomorrow(), recoveryId = Guid.NewGuid() }))
            .ShouldBeValidationProblemNamingAsync("recoveryId");
        (await verifier.PostAsJsonAsync($"/api/v1/bars/{Guid.NewGuid()}/lift", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var body = new { idNumber = FreshPersonId(), reason = "x", until = Tomorrow() };
        foreach (var role in new[] { Roles.Applicant, Roles.Auditor, Roles.Admin })
            (await (await App.ClientAsAsync(role)).Client.PostAsJsonAsync("/api/v1/bars", body)).StatusCode.Should().Be(HttpStatusCode.Forbidden, role);
        (await (await App.ClientAsAsync(Roles.Auditor)).Client.GetAsync("/api/v1/bars")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await App.ClientAsAsync(Roles.Applicant)).Client.GetAsync("/api/v1/bars")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Staff_add_and_lift_bars_on_the_page_and_a_refused_form_keeps_what_was_typed()
    {
        var finance = await PageBrowser.SignInAsync(App, Roles.Finance);
        (await finance.HtmlAsync("/Finance")).Should().Contain("href=\"/Bars\"");
        var idNumber = FreshPersonId();
        var refused = await PageBrowser.HtmlOf(await finance.PostAsync("/Bars", "/Bars?handler=Add",
            new() { ["IdNumber"] = idNumber, ["Until"] = Tomorrow(10), ["Reason"] = "" }));
        refused.Should().Contain("请填写理由").And.Contain($"value=\"{idNumber}\"");

        var added = await finance.PostAsync("/Bars", "/Bars?handler=Add",
            new() { ["IdNumber"] = idNumber, ["Until"] = Tomorrow(10), ["Reason"] = "骗取补助" });
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await finance.HtmlAsync($"/Bars?q={idNumber}")).Should().Contain("限制中").And.Contain("骗取补助");
        (await finance.HtmlAsync("/Bars")).Should().Contain(idNumber[..3] + "***********" + idNumber[^4..]).And.NotContain(idNumber, "the list masks identities");

        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var id = await conn.ExecuteScalarAsync<Guid>("SELECT id FROM bars WHERE id_number = @idNumber", new { idNumber });
        (await finance.PostAsync($"/Bars?q={idNumber}", $"/Bars?handler=Lift&id={id}", new() { ["liftReason"] = "认定有误" }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await finance.HtmlAsync($"/Bars?q={idNumber}")).Should().Contain("已解除").And.Contain("认定有误");

        var auditor = await PageBrowser.SignInAsync(App, Roles.Auditor);
        (await auditor.HtmlAsync("/Bars")).Should().NotContain("id=\"bar-add\"", "auditors read only");
        var applicant = await PageBrowser.SignInAsync(App, Roles.Applicant);
        (await applicant.Client.GetAsync("/Bars")).StatusCode.Should().NotBe(HttpStatusCode.OK);
    }
}
