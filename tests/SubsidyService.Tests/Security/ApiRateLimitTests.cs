using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>
/// The whole API is rate-limited per signed-in user, else per client address (<c>RateLimits:ApiPerMinute</c>), and
/// says so in the IETF headers: <c>RateLimit-Policy: "default";q=N;w=60</c>, <c>RateLimit: "default";r=…;t=…</c>;
/// past the quota, 429 with <c>Retry-After</c>.
/// </summary>
public sealed class ApiRateLimitTests
{
    private const int Quota = 4;

    [Fact]
    public async Task Answers_carry_the_quota_and_the_request_past_it_is_a_429_with_Retry_After()
    {
        var db = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new SubsidyApp(db, settings: new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = Quota.ToString() });
        var anonymous = app.CreateClient();
        // Signing in is an API request from the test's one address too: done before that address's quota is spent.
        var (applicant, _) = await app.ClientAsAsync("applicant");

        var first = await anonymous.GetAsync("/api/v1/policy-versions");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        Header(first, "RateLimit-Policy").Should().Be($"\"default\";q={Quota};w=60");
        Header(first, "RateLimit").Should().MatchRegex("^\"default\";r=[0-9]+;t=[0-9]+$");
        Remaining(first).Should().BeLessThan(Quota);

        // A window may end while the test runs: then the count starts again, so ask until refused, within two windows' worth.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 2 * Quota + 1 && refused is null; i++)
        {
            var response = await anonymous.GetAsync("/api/v1/policy-versions");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.StatusCode.Should().Be(HttpStatusCode.OK);
        }
        refused.Should().NotBeNull($"the quota is {Quota} requests a minute");
        await refused!.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        refused!.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        Remaining(refused).Should().Be(0);
        Header(refused, "RateLimit-Policy").Should().Be($"\"default\";q={Quota};w=60");

        // Another caller has a quota of its own: a signed-in user is counted as the user, not by the shared address.
        var own = await applicant.GetAsync("/api/v1/auth/me");
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        Remaining(own).Should().Be(Quota - 1);
        // The pages are not the API: the quota does not apply to them.
        (await anonymous.GetAsync("/Estimate")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static int Remaining(HttpResponseMessage response) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(Header(response, "RateLimit"), ";r=([0-9]+)").Groups[1].Value);
}
