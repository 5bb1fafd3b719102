using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed partial class PageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private HttpClient Browser() => fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenField().Match(html).Groups[1].Value;
    }

    [Fact]
    public async Task Login_page_signs_a_verifier_in_and_sends_them_to_their_home()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Verifier);
        var client = Browser();
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        token.Should().NotBeEmpty();

        var post = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = user.Username, ["Password"] = SubsidyApp.Password, ["__RequestVerificationToken"] = token,
        }));

        post.StatusCode.Should().Be(HttpStatusCode.Redirect);
        post.Headers.Location!.ToString().Should().Be("/Verifier");
        var home = await client.GetStringAsync("/Verifier");
        home.Should().Contain("待审核申请").And.Contain("lang=\"zh-CN\"");
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Verifier);
        var post = await Browser().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = user.Username, ["Password"] = SubsidyApp.Password,
        }));
        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Role_homes_are_closed_to_other_roles()
    {
        var client = Browser();
        (await client.GetAsync("/Finance")).StatusCode.Should().Be(HttpStatusCode.Redirect, "anonymous → login");
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var token = await AntiforgeryTokenAsync(client, "/Account/Login");
        await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = user.Username, ["Password"] = SubsidyApp.Password, ["__RequestVerificationToken"] = token,
        }));
        var finance = await client.GetAsync("/Finance");
        finance.Headers.Location!.ToString().Should().Contain("/Account/Denied");
        (await client.GetAsync("/Applicant")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Register_page_shows_each_error_under_its_field()
    {
        var client = Browser();
        var token = await AntiforgeryTokenAsync(client, "/Account/Register");
        var post = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = "ab", ["DisplayName"] = "", ["Email"] = "bad", ["Password"] = "short", ["__RequestVerificationToken"] = token,
        }));
        var html = await post.Content.ReadAsStringAsync();
        post.StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var field in new[] { "username", "displayName", "email", "password" })
            html.Should().Contain($"data-field=\"{field}\"");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
