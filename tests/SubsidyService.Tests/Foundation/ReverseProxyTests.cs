using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Letters.Tests;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// The service published by Debian's nginx under https://localhost:port/subsidy/, as a county would put it on a shared
/// site: what a person and a letter see must all be under the prefix and over HTTPS, and the address a rate limit or
/// a log line counts is the client's, not the proxy's.
/// </summary>
public sealed partial class ReverseProxyTests
{
    private static readonly IPAddress Client = IPAddress.Parse("127.0.0.2");

    [Fact]
    public async Task Pages_api_cookies_and_a_letters_qr_code_work_under_the_prefix_over_https()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var port = TestMachine.FreePort();
        var publicUrl = $"https://localhost:{port}/subsidy";
        await using var node = await NodeProcess.StartAsync(cs, new Dictionary<string, string?>
        {
            // Not Production, so the demo staff exist; the JSON lines are asked for by name.
            ["ASPNETCORE_ENVIRONMENT"] = "Staging",
            ["Demo:Seed"] = "true",
            ["Logging:Console:FormatterName"] = "subsidy-json",
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Authority:PublicUrl"] = publicUrl,
        });
        await using var nginx = await NginxProxy.StartAsync(port, node.BaseUrl, "/subsidy");

        // A page: HSTS, and every link, script and form of it under the prefix.
        using var browser = nginx.Client(Client);
        var home = await browser.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.OK, nginx.ErrorLog() + node.Tail());
        home.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");
        var html = await home.Content.ReadAsStringAsync();
        var paths = LocalLinks().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        paths.Should().NotBeEmpty();
        paths.Where(u => !u.StartsWith("/subsidy/", StringComparison.Ordinal)).Should().BeEmpty("every link of the page is under the prefix");
        foreach (var asset in paths.Where(u => u.EndsWith(".css") || u.EndsWith(".js")).Distinct())
            (await browser.GetAsync(asset)).StatusCode.Should().Be(HttpStatusCode.OK, asset);

        // Signing in on the page: the cookie is Secure and scoped to the prefix, the redirect stays under it.
        using var noRedirects = nginx.Client(Client, followRedirects: false);
        var form = await noRedirects.GetAsync("/Account/Login");
        form.StatusCode.Should().Be(HttpStatusCode.OK);
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        antiforgeryCookie.Should().Contain("secure").And.Contain("path=/subsidy");
        var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync()).Groups["token"].Value;
        var login = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Username"] = "applicant.demo", ["Password"] = DemoSeeder.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        login.Headers.Add("Cookie", antiforgeryCookie.Split(';')[0]);
        var signedIn = await noRedirects.SendAsync(login);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync());
        signedIn.Headers.Location!.OriginalString.Should().StartWith("/subsidy/");
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("subsidy.auth=", StringComparison.Ordinal));
        auth.Should().Contain("secure").And.Contain("path=/subsidy").And.Contain("httponly");

        // A rejection letter: its QR code opens the verification page through the proxy.
        using var applicant = nginx.Client(Client, await TokenAsync(browser, "applicant.demo"));
        using var verifier = nginx.Client(Client, await TokenAsync(browser, "verifier.demo"));
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        var rejected = await ClaimApi.MustFireAsync(verifier, claim, "reject", reason: "判决未支持原告诉讼请求", reasonCode: "not_won");
        var pdf = await (await applicant.GetAsync($"/api/v1/claims/{rejected.Id()}/letter")).Content.ReadAsByteArrayAsync();

        // The applicant's own pages, whose links are built from the claims, stay under the prefix too.
        foreach (var page in new[] { "/Applicant", $"/Applicant/Claims/{rejected.Id()}" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.Add("Cookie", auth.Split(';')[0]);
            var answer = await noRedirects.SendAsync(request);
            answer.StatusCode.Should().Be(HttpStatusCode.OK, page);
            var links = LocalLinks().Matches(await answer.Content.ReadAsStringAsync()).Select(m => m.Groups["url"].Value).ToList();
            if (page == "/Applicant") links.Should().Contain(l => l.Contains(rejected.Id().ToString()), "the list links to the claim");
            links.Where(u => !u.StartsWith("/subsidy/", StringComparison.Ordinal)).Should().BeEmpty($"every link of {page} is under the prefix");
        }
        var qr = Poppler.QrCodes(pdf, page: 1).Single();
        qr.Should().StartWith(publicUrl + "/Letters/Verify?number=");
        var verification = await browser.GetAsync(new Uri(qr).PathAndQuery);
        verification.StatusCode.Should().Be(HttpStatusCode.OK);
        (await verification.Content.ReadAsStringAsync()).Should().Contain("补助决定书核验");

        // The node's log line names the client nginx saw, not nginx.
        await Task.Delay(500);
        var lines = node.Tail(2000).Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var submitted = lines.Where(l => l.TryGetProperty("message", out var m) && m.GetString()!.StartsWith("POST /api/v1/claims/")).ToList();
        submitted.Should().NotBeEmpty();
        submitted.Select(l => l.GetProperty("client").GetString()).Should().OnlyContain(a => a == "127.0.0.2");
    }

    private static async Task<string> TokenAsync(HttpClient client, string username)
    {
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password = DemoSeeder.Password });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    [GeneratedRegex("(?:href|src|action)=\"(?<url>/[^\"]*)\"")]
    private static partial Regex LocalLinks();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
