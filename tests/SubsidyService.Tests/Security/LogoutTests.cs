using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Security;

public sealed partial class LogoutTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_headers_logout_button_posts_its_antiforgery_token_and_signs_out()
    {
        var browser = await PageBrowser.SignInAsync(fixture.App, Roles.Applicant);
        var html = await browser.HtmlAsync("/Applicant");
        var form = LogoutForm().Match(html);
        form.Success.Should().BeTrue("the header has a logout form");
        var token = TokenField().Match(form.Value);
        token.Success.Should().BeTrue("the logout form carries the antiforgery token");

        var forged = await browser.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest, "a post without the token is refused");

        var response = await browser.Client.PostAsync("/Account/Logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token.Groups[1].Value }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
        (await browser.Client.GetAsync("/Applicant")).StatusCode.Should().Be(HttpStatusCode.Redirect, "signed out");
    }

    [GeneratedRegex("""<form method="post" action="/Account/Logout".*?</form>""", RegexOptions.Singleline)]
    private static partial Regex LogoutForm();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
