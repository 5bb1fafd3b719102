using System.Net;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Operations.OpenApi;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class OpenApiContractTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    /// <summary>
    /// The operations the OpenAPI document describes, with the operationIds clients generate their method names
    /// from, kept as a committed golden file: an endpoint added, removed or renamed shows up here for review
    /// against API.md.
    /// </summary>
    [Fact]
    public async Task The_openapi_document_lists_the_operations_of_the_contract()
    {
        var operations = (await OperationsAsync())
            .Select(o => $"{o.Method,-6} {o.Path,-48} {o.OperationId}")
            .Order(StringComparer.Ordinal);
        Snapshot.Match(string.Join("\n", operations) + "\n", "openapi-operations.txt");
    }

    /// <summary>The document's security matches what the service does: exactly the operations it marks as bearer-only refuse an anonymous call.</summary>
    [Fact]
    public async Task Exactly_the_operations_the_document_marks_as_bearer_protected_refuse_anonymous_callers()
    {
        var client = fixture.App.CreateClient();
        foreach (var op in (await OperationsAsync()).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            // A year is a number ({year:int}); every other path parameter is an id.
            var path = System.Text.RegularExpressions.Regex.Replace(op.Path.Replace("{year}", "2026"), "{[^}]+}", Guid.NewGuid().ToString());
            using var request = new HttpRequestMessage(new HttpMethod(op.Method), path);
            if (op.RequestContentType is { } type) request.Content = new StringContent(type == "application/json" ? "{}" : "", System.Text.Encoding.UTF8, type);
            var status = (await client.SendAsync(request)).StatusCode;
            if (op.Bearer)
                status.Should().Be(HttpStatusCode.Unauthorized, $"{op.Method} {op.Path} is documented as needing a bearer token");
            else
                status.Should().NotBe(HttpStatusCode.Unauthorized, $"{op.Method} {op.Path} is documented as open to anyone");
        }
    }

    [Fact]
    public async Task Every_operation_has_a_unique_operation_id_and_documents_its_problem_responses()
    {
        var operations = await OperationsAsync();
        operations.Select(o => o.OperationId).Should().OnlyHaveUniqueItems().And.NotContainNulls();
        operations.Where(o => o.Bearer).Should().OnlyContain(o => o.Responses.Contains("401"), "a bearer-protected operation may answer 401");
        operations.Where(o => o.Path.Contains('{')).Should().OnlyContain(o => o.Responses.Contains("404"), "an id in the path may name nothing");
        operations.Where(o => o.Method is "POST" or "PUT").Should().OnlyContain(o => o.Responses.Contains("400"), "a body may be malformed");
    }

    [Theory]
    [InlineData("GET", "api/v1/claims", "getClaims")]
    [InlineData("POST", "api/v1/claims/{id}/transitions", "postClaimsByIdTransitions")]
    [InlineData("DELETE", "api/v1/claims/{id:guid}/documents/{documentId}", "deleteClaimsByIdDocumentsByDocumentId")]
    [InlineData("PUT", "api/v1/policy-versions/{id}/effective-to", "putPolicyVersionsByIdEffectiveTo")]
    [InlineData("GET", "api/v1/letters/{number}/verify", "getLettersByNumberVerify")]
    [InlineData("HEAD", "healthz", "headHealthz")]
    public void An_operation_id_is_derived_from_the_method_and_the_route(string method, string route, string expected) =>
        OperationIds.FromRoute(method, route).Should().Be(expected);

    [Fact]
    public void An_endpoint_name_becomes_a_camel_case_operation_id() =>
        OperationIds.FromName("GetClaimLetter").Should().Be("getClaimLetter");

    [Fact]
    public void A_snapshot_that_differs_fails_and_leaves_the_received_text_beside_it_under_an_ignored_name()
    {
        var dir = Directory.CreateTempSubdirectory("subsidy-snapshot-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "sample.txt"), "as committed\n");
            var act = () => Snapshot.Match("something else\n", "sample.txt", dir.FullName);
            act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*differs*");
            File.ReadAllText(Snapshot.ReceivedPath(dir.FullName, "sample.txt")).Should().Be("something else\n");
            File.ReadAllText(Path.Combine(dir.FullName, "sample.txt")).Should().Be("as committed\n", "the expected file is never rewritten");
            Path.GetFileName(Snapshot.ReceivedPath(dir.FullName, "sample.txt")).Should().MatchEquivalentOf("*.received.*", "the pattern .gitignore excludes");

            Snapshot.Match("as committed\n", "sample.txt", dir.FullName);
            File.Exists(Snapshot.ReceivedPath(dir.FullName, "sample.txt")).Should().BeFalse("a match clears an old received file");
            var missing = () => Snapshot.Match("anything\n", "absent.txt", dir.FullName);
            missing.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*no expected file*");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed record Operation(string Method, string Path, string? OperationId, bool Bearer, IReadOnlyList<string> Responses, string? RequestContentType);

    private async Task<IReadOnlyList<Operation>> OperationsAsync()
    {
        var doc = JsonDocument.Parse(await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        return doc.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => new Operation(
                m.Name.ToUpperInvariant(),
                p.Name,
                m.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null,
                m.Value.TryGetProperty("security", out var security)
                    && security.EnumerateArray().Any(r => r.TryGetProperty(OperationConventions.BearerScheme, out _)),
                m.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList(),
                m.Value.TryGetProperty("requestBody", out var body) ? body.GetProperty("content").EnumerateObject().First().Name : null)))
            .ToList();
    }
}
