using System.Net;
using FluentAssertions;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Policy;

public sealed class EstimateRateLimitTests
{
    [Fact]
    public async Task The_request_past_the_limit_is_a_429_problem_with_Retry_After()
    {
        var db = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var app = new SubsidyApp(db, settings: new Dictionary<string, string?> { ["RateLimits:EstimatePerMinute"] = "5" });
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
            (await EstimateFacts.PostAsync(client, EstimateFacts.Valid())).StatusCode.Should().Be(HttpStatusCode.OK, $"request {i + 1} is within the limit");
        var sixth = await EstimateFacts.PostAsync(client, EstimateFacts.Valid());

        await sixth.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        sixth.Headers.RetryAfter.Should().NotBeNull();
        sixth.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(1));
        // Other endpoints are not limited by the estimate's budget.
        (await client.GetAsync("/api/v1/policy-versions")).StatusCode.Should().Be(HttpStatusCode.OK);
        // The page's form answers with the same estimator, so it shares the same budget.
        (await client.PostAsync("/Estimate", new FormUrlEncodedContent(new Dictionary<string, string>()))).StatusCode
            .Should().Be(HttpStatusCode.TooManyRequests);
    }
}
