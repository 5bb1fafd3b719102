using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

/// <summary>A version without a public notice or above item 13's caps is saved only after the administrator confirms it on the page.</summary>
public sealed class PolicyWarningPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static List<KeyValuePair<string, string>> Form(string token, string id, string from, string naturalCap, string noticeDays, bool accept) =>
    [
        new("id", id), new("effectiveFrom", from), new("effectiveTo", from[..4] + "-12-31"), new("rate", "0.50"),
        new("caps.natural_person", naturalCap), new("caps.legal_person", "10000.00"), new("caps.major_or_foreign", "50000.00"),
        new("winningOutcomes", "won"), new("regularCaseTypes", "patent_infringement"), new("majorCaseTypes", "patent_infringement"),
        new("applicationWindowDays", ""), new("publicNoticeWorkingDays", noticeDays), new("__RequestVerificationToken", token),
        .. accept ? [new KeyValuePair<string, string>("acceptWarnings", "true")] : Array.Empty<KeyValuePair<string, string>>(),
    ];

    private async Task<bool> ExistsAsync(string id) =>
        (await fixture.App.CreateClient().GetFromJsonAsync<List<JsonElement>>("/api/v1/policy-versions"))!.Any(v => v.GetProperty("id").GetString() == id);

    [Fact]
    public async Task Zero_notice_days_and_a_cap_above_the_text_are_shown_and_nothing_is_saved_until_confirmed()
    {
        var admin = await PageForms.SignedInAsync(fixture.App, Roles.Admin);
        var token = await PageForms.TokenAsync(admin, "/Admin/Policies");

        var first = await admin.PostAsync("/Admin/Policies", new FormUrlEncodedContent(Form(token, "2012-warned", "2012-01-01", "8000.00", "0", accept: false)));

        var html = await first.Content.ReadAsStringAsync();
        first.StatusCode.Should().Be(HttpStatusCode.OK, html);
        html.Should().Contain("id=\"policy-warnings\"").And.Contain("公示期为 0 个工作日").And.Contain("自然人档补助上限 8,000.00 元高于政策原文的 5,000.00 元")
            .And.Contain("name=\"acceptWarnings\"");
        html.Should().NotContain("法人档补助上限 10,000.00 元高于", "the legal person's cap equals the text's");
        (await ExistsAsync("2012-warned")).Should().BeFalse();

        var confirmed = await admin.PostAsync("/Admin/Policies", new FormUrlEncodedContent(Form(token, "2012-warned", "2012-01-01", "8000.00", "0", accept: true)));
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());
        (await ExistsAsync("2012-warned")).Should().BeTrue();
    }

    [Fact]
    public async Task A_version_within_the_text_is_saved_without_a_question()
    {
        var admin = await PageForms.SignedInAsync(fixture.App, Roles.Admin);
        var token = await PageForms.TokenAsync(admin, "/Admin/Policies");
        var post = await admin.PostAsync("/Admin/Policies", new FormUrlEncodedContent(Form(token, "2011-plain", "2011-01-01", "5000.00", "5", accept: false)));
        post.StatusCode.Should().Be(HttpStatusCode.Redirect, await post.Content.ReadAsStringAsync());
        (await ExistsAsync("2011-plain")).Should().BeTrue();
    }
}
