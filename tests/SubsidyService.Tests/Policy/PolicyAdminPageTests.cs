using System.Net;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Domain.Policy;
using SubsidyService.Policy;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

public sealed class PolicyAdminPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private async Task<(HttpClient Client, string Token)> SignedInAsync(string role)
    {
        var client = await PageForms.SignedInAsync(fixture.App, role);
        return (client, role == Roles.Admin ? await PageForms.TokenAsync(client, "/Admin/Policies") : "");
    }

    private static List<KeyValuePair<string, string>> Form(string token, string id, string from, string to) =>
    [
        new("id", id), new("effectiveFrom", from), new("effectiveTo", to), new("rate", "0.50"),
        new("caps.natural_person", "4000.00"), new("caps.legal_person", "9000.00"), new("caps.major_or_foreign", "45000.00"),
        new("winningOutcomes", "won"), new("winningOutcomes", "partially_won"), new("regularCaseTypes", "patent_infringement"),
        new("majorCaseTypes", "patent_infringement"), new("majorCaseTypes", "copyright"),
        new("applicationWindowDays", ""), new("publicNoticeWorkingDays", "5"), new("__RequestVerificationToken", token),
    ];

    [Fact]
    public async Task An_admin_sees_the_versions_and_adds_one()
    {
        var (client, token) = await SignedInAsync(Roles.Admin);
        (await client.GetStringAsync("/Admin/Policies")).Should().Contain("2023-item13").And.Contain("10,000.00 元").And.Contain("2023年1月1日 至");

        var post = await client.PostAsync("/Admin/Policies", new FormUrlEncodedContent(Form(token, "2018-page", "2018-01-01", "2018-12-31")));

        post.StatusCode.Should().Be(HttpStatusCode.Redirect, await post.Content.ReadAsStringAsync());
        var list = await client.GetStringAsync("/Admin/Policies");
        list.Should().Contain("已添加2018年版（第十三项）").And.Contain("2018年1月1日 至 2018年12月31日").And.Contain("45,000.00 元");
    }

    [Fact]
    public async Task Errors_show_under_their_fields_as_the_API_names_them()
    {
        var (client, token) = await SignedInAsync(Roles.Admin);
        var form = Form(token, "2024-clash", "2024-01-01", "");
        form[4] = new("caps.natural_person", "4000.001");
        form[13] = new("publicNoticeWorkingDays", "five");

        var html = await (await client.PostAsync("/Admin/Policies", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();

        html.Should().Contain("data-field=\"caps.natural_person\"").And.Contain("data-field=\"publicNoticeWorkingDays\"");
        form[4] = new("caps.natural_person", "4000.00");
        form[13] = new("publicNoticeWorkingDays", "5");
        var overlap = await (await client.PostAsync("/Admin/Policies", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();
        overlap.Should().Contain("data-field=\"effectiveFrom\"");
    }

    [Fact]
    public async Task A_version_keeps_the_review_and_supplement_time_limits_typed_on_the_form()
    {
        var (client, token) = await SignedInAsync(Roles.Admin);
        var form = Form(token, "2017-limits", "2017-01-01", "2017-12-31");
        form.Add(new("reviewWorkingDays", "30"));
        form.Add(new("supplementWorkingDays", " 10 "));

        var post = await client.PostAsync("/Admin/Policies", new FormUrlEncodedContent(form));

        post.StatusCode.Should().Be(HttpStatusCode.Redirect, await post.Content.ReadAsStringAsync());
        var saved = (await fixture.App.Service<PolicyStore>().StoredAsync(fresh: true)).Single(v => v.Version.Id == "2017-limits").Version;
        saved.ReviewWorkingDays.Should().Be(30);
        saved.SupplementWorkingDays.Should().Be(10);
        (await client.GetStringAsync("/Admin/Policies")).Should().Contain("审核 30 个工作日<br />补正 10 个工作日");
    }

    [Fact]
    public async Task Blank_time_limits_take_the_defaults()
    {
        var (client, token) = await SignedInAsync(Roles.Admin);
        var form = Form(token, "2016-limits", "2016-01-01", "2016-12-31");
        form.Add(new("reviewWorkingDays", ""));
        form.Add(new("supplementWorkingDays", ""));

        (await client.PostAsync("/Admin/Policies", new FormUrlEncodedContent(form))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var saved = (await fixture.App.Service<PolicyStore>().StoredAsync(fresh: true)).Single(v => v.Version.Id == "2016-limits").Version;
        saved.ReviewWorkingDays.Should().Be(PolicyVersion.DefaultReviewWorkingDays);
        saved.SupplementWorkingDays.Should().Be(PolicyVersion.DefaultSupplementWorkingDays);
    }

    [Theory]
    [InlineData("0", "12")]
    [InlineData("-5", "0")]
    [InlineData("二十", "121")]
    [InlineData("20天", "abc")]
    public async Task A_bad_time_limit_is_refused_under_its_field_naming_it(string review, string supplement)
    {
        var (client, token) = await SignedInAsync(Roles.Admin);
        var id = "2015-bad" + Guid.NewGuid().ToString("N")[..6];
        var form = Form(token, id, "2015-01-01", "2015-12-31");
        form.Add(new("reviewWorkingDays", review));
        form.Add(new("supplementWorkingDays", supplement));

        var response = await client.PostAsync("/Admin/Policies", new FormUrlEncodedContent(form));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        ErrorUnder(html, "reviewWorkingDays").Should().StartWith("审核时限须");
        if (supplement != "12") ErrorUnder(html, "supplementWorkingDays").Should().StartWith("补正期限须");
        else html.Should().NotContain("data-field=\"supplementWorkingDays\"");
        html.Should().Contain($"value=\"{review}\"", "the typed value stays in the field to be corrected");
        (await fixture.App.Service<PolicyStore>().StoredAsync(fresh: true)).Should().NotContain(v => v.Version.Id == id);
    }

    [Fact]
    public async Task A_box_value_the_form_does_not_offer_is_refused_under_its_group_in_words_not_codes()
    {
        var (client, token) = await SignedInAsync(Roles.Admin);
        var form = Form(token, "2014-boxes", "2014-01-01", "2014-12-31");
        form.Add(new("winningOutcomes", "bribed"));
        form.Add(new("winningOutcomes", "lost_anyway"));

        var html = await (await client.PostAsync("/Admin/Policies", new FormUrlEncodedContent(form))).Content.ReadAsStringAsync();

        ErrorUnder(html, "winningOutcomes").Should().Be("请从列表中选择胜诉结果。", "said once for the group, without the codes");
        html.Should().NotContain("bribed").And.NotContain("partially_won、");
    }

    /// <summary>The message shown under a field, as text.</summary>
    private static string ErrorUnder(string html, string field)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"<div class=\"field-error\" data-field=\"{field}\"[^>]*>(.*?)</div>");
        match.Success.Should().BeTrue($"an error is shown under {field}");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Fact]
    public async Task Other_roles_are_turned_away()
    {
        var (client, _) = await SignedInAsync(Roles.Verifier);
        var response = await client.GetAsync("/Admin/Policies");
        response.Headers.Location!.ToString().Should().Contain("/Account/Denied");
    }
}
