using System.Net;
using FluentAssertions;
using SubsidyService.Accounts;
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
    public async Task Other_roles_are_turned_away()
    {
        var (client, _) = await SignedInAsync(Roles.Verifier);
        var response = await client.GetAsync("/Admin/Policies");
        response.Headers.Location!.ToString().Should().Contain("/Account/Denied");
    }
}
