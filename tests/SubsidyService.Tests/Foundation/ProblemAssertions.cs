using System.Net;
using System.Text.Json;
using FluentAssertions;

namespace SubsidyService.Tests.Foundation;

public static class ProblemAssertions
{
    /// <summary>Asserts an RFC 9457 answer of this status and code, and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, body);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json");
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("code").GetString().Should().Be(code, body);
        return json;
    }

    public static async Task<JsonElement> ShouldBeValidationProblemNamingAsync(this HttpResponseMessage response, params string[] fields)
    {
        var json = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = json.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        errors.Should().Contain(fields);
        return json;
    }
}
