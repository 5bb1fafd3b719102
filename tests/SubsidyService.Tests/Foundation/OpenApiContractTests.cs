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

    /// <summary>
    /// The claim facts as the document describes them (API.md: partyRole?, relatedCaseNumbers?, invoice code?),
    /// kept as a golden file: a field added or renamed in the request records shows up here.
    /// </summary>
    [Fact]
    public async Task The_openapi_document_describes_the_claim_facts_of_the_contract()
    {
        var doc = JsonDocument.Parse(await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var lines = new[] { "ClaimFactsInput", "InvoiceInput", "OtherFundingInput" }.Select(name =>
            $"{name}: " + string.Join(", ", schemas.GetProperty(name).GetProperty("properties").EnumerateObject().Select(p => p.Name)));
        Snapshot.Match(string.Join("\n", lines) + "\n", "openapi-claim-facts.txt");
    }

    /// <summary>
    /// The transitions body as the service reads it (<c>TransitionRequest</c>), its <c>data</c> one of the records
    /// of the triggers that carry any, each with its fields: kept as a golden file, so a field added to a trigger's
    /// record, or a trigger given data, shows up here for review against API.md.
    /// </summary>
    [Fact]
    public async Task The_openapi_document_describes_each_triggers_data_as_its_record()
    {
        var doc = JsonDocument.Parse(await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var body = doc.GetProperty("paths").GetProperty("/api/v1/claims/{id}/transitions").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var request = Resolve(schemas, body);
        var lines = new List<string> { "body: " + Fields(request) };
        var trigger = Resolve(schemas, request.GetProperty("properties").GetProperty("trigger"));
        lines.Add("trigger: " + string.Join(", ", trigger.GetProperty("enum").EnumerateArray().Select(e => e.GetString())));
        var data = Resolve(schemas, request.GetProperty("properties").GetProperty("data"));
        foreach (var option in data.GetProperty("oneOf").EnumerateArray())
        {
            var record = Resolve(schemas, option);
            lines.Add($"{record.GetProperty("description").GetString()}: {Name(option)} {{{Fields(record)}}}");
        }
        Snapshot.Match(string.Join("\n", lines) + "\n", "openapi-transition-body.txt");

        static string Fields(JsonElement schema) => string.Join(", ", schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        string Name(JsonElement schema) => Resolve(schemas, schema).GetProperty("title").GetString()!;
    }

    /// <summary>A schema, or the component it refers to; a nullable reference comes as a oneOf with null.</summary>
    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var r)) return Resolve(schemas, schemas.GetProperty(r.GetString()!.Split('/')[^1]));
        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.GetArrayLength() == 2 && !schema.TryGetProperty("description", out _))
        {
            var notNull = oneOf.EnumerateArray().Where(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")).ToList();
            if (notNull.Count == 1) return Resolve(schemas, notNull[0]);
        }
        return schema;
    }

    /// <summary>The document's security matches what the service does: exactly the operations it marks as bearer-only refuse an anonymous call.</summary>
    [Fact]
    public async Task Exactly_the_operations_the_document_marks_as_bearer_protected_refuse_anonymous_callers()
    {
        var client = fixture.App.CreateClient();
        foreach (var op in (await OperationsAsync()).Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            // A value of the parameter's kind, so that the route matches and authorization is what answers.
            var path = System.Text.RegularExpressions.Regex.Replace(op.Path, "{[^}]+}", m => m.Value switch
            {
                "{year}" => "2026",
                "{number}" => "x",
                _ => Guid.NewGuid().ToString(),
            });
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
