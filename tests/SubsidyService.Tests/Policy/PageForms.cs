using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

/// <summary>A cookie-keeping browser for page tests, its antiforgery token, and signing in through the login form.</summary>
public static partial class PageForms
{
    public static HttpClient Browser(SubsidyApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The antiforgery token of the form on the page; empty when the page has none.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string path) =>
        TokenField().Match(await client.GetStringAsync(path)).Groups[1].Value;

    public static async Task<HttpClient> SignedInAsync(SubsidyApp app, string role)
    {
        var user = await app.CreateUserAsync(role);
        var client = Browser(app);
        var token = await TokenAsync(client, "/Account/Login");
        await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = user.Username, ["Password"] = SubsidyApp.Password, ["__RequestVerificationToken"] = token,
        }));
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
