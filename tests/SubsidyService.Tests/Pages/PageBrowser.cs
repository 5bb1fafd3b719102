using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Pages;

/// <summary>
/// A person using the pages: cookies kept, redirects not followed (tests look at them), every form post
/// carrying the antiforgery token read from the page the form is on.
/// </summary>
public sealed partial class PageBrowser
{
    private PageBrowser(HttpClient client, User user)
    {
        Client = client;
        User = user;
    }

    public HttpClient Client { get; }
    public User User { get; }

    /// <summary>The cookies the sign-in set, as a <c>Cookie</c> header: what someone who copied them would send.</summary>
    public string SignInCookie { get; private set; } = "";

    public static async Task<PageBrowser> SignInAsync(SubsidyApp app, string role)
    {
        var user = await app.CreateUserAsync(role);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var browser = new PageBrowser(client, user);
        var login = await browser.PostAsync("/Account/Login", "/Account/Login",
            new() { ["Username"] = user.Username, ["Password"] = SubsidyApp.Password });
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        browser.SignInCookie = string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return browser;
    }

    /// <summary>The page's HTML with character references decoded, since Razor writes Chinese as &amp;#x...;.</summary>
    public async Task<string> HtmlAsync(string path)
    {
        var response = await Client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {path}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> HtmlOf(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public async Task<HttpResponseMessage> PostAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(formPage);
        return await Client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>A form post with repeated fields (ticked checkboxes of one name).</summary>
    public async Task<HttpResponseMessage> PostAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var all = fields.Append(KeyValuePair.Create("__RequestVerificationToken", await TokenAsync(formPage)));
        return await Client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    public async Task<HttpResponseMessage> PostFileAsync(string formPage, string action, Dictionary<string, string> fields,
        string fileName, byte[] content, string contentType)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await TokenAsync(formPage)), "__RequestVerificationToken");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await Client.PostAsync(action, form);
    }

    /// <summary>After a successful post the page redirects to itself (or the new claim); follow it once.</summary>
    public async Task<string> FollowAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await HtmlOf(response));
        return await HtmlAsync(response.Headers.Location!.ToString());
    }

    /// <summary>The claim's version as the page's action forms carry it.</summary>
    public static int VersionOn(string html) => int.Parse(VersionField().Match(html).Groups[1].Value);

    private async Task<string> TokenAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        var token = TokenField().Match(html).Groups[1].Value;
        token.Should().NotBeEmpty($"the page {path} should hold a form with an antiforgery token");
        return token;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"(?:Input\\.)?[Vv]ersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}
