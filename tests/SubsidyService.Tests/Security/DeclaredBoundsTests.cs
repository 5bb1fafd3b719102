using System.Net;
using System.Numerics;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Security;

/// <summary>
/// What the OpenAPI document declares, the service enforces: for every maximum the document gives a request's
/// JSON body or query (a string's <c>maxLength</c>, an integer's <c>maximum</c>, a list's <c>maxItems</c>), the
/// value one past it is refused with 400 naming the field. The cases are read from the document itself, so a
/// bound cannot be declared without being kept.
/// </summary>
public sealed class DeclaredBoundsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed record Case(string Method, string Url, string? Body, string Field)
    {
        public override string ToString() => $"{Method} {Url} {Field}";
    }

    [Fact]
    public async Task Each_declared_request_maximum_plus_one_is_refused_with_400_naming_the_field()
    {
        var client = fixture.App.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var cases = Cases(document.RootElement).ToList();
        cases.Should().HaveCountGreaterThan(100, "the document bounds every input");

        var failures = new List<string>();
        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
            if (c.Body is not null) request.Content = new StringContent(c.Body, Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !Names(text, c.Field))
                failures.Add($"{c}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
        }
        failures.Should().BeEmpty($"each of the {cases.Count} declared maxima is enforced");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_json_body_past_a_megabyte_is_refused_with_413_before_it_is_parsed(bool withLength)
    {
        var client = fixture.App.CreateClient();
        var body = "{\"applicantName\":\"" + new string('a', 2 * 1024 * 1024) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims");
        // Without a length (chunked) the buffer's own limit stops the read; with one it is refused unread.
        request.Content = withLength ? new StringContent(body, Encoding.UTF8, "application/json")
            : new PushStreamContent(body, "application/json");
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge, await response.Content.ReadAsStringAsync());
        (await response.Content.ReadAsStringAsync()).Should().Contain("payload_too_large");
    }

    /// <summary>A body sent chunked, with no Content-Length.</summary>
    private sealed class PushStreamContent : HttpContent
    {
        private readonly byte[] bytes;

        public PushStreamContent(string text, string mediaType)
        {
            bytes = Encoding.UTF8.GetBytes(text);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    private static bool Names(string problem, string field)
    {
        try
        {
            using var doc = JsonDocument.Parse(problem);
            return doc.RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<Case> Cases(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var method = operation.Name.ToUpperInvariant();
            var parameters = operation.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            var url = path.Name;
            foreach (var parameter in parameters.Where(x => x.GetProperty("in").GetString() == "path"))
            {
                var schema = Resolve(schemas, parameter.GetProperty("schema"));
                var sample = Has(schema, "format", "uuid") ? Guid.NewGuid().ToString()
                    : IsType(schema, "integer") ? "2026" : "x";
                url = url.Replace("{" + parameter.GetProperty("name").GetString() + "}", sample, StringComparison.Ordinal);
            }
            foreach (var parameter in parameters.Where(x => x.GetProperty("in").GetString() == "query"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                foreach (var (value, _) in Over(Resolve(schemas, parameter.GetProperty("schema"))))
                {
                    var raw = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    yield return new Case(method, $"{url}?{name}={Uri.EscapeDataString(raw)}", null, name);
                }
            }
            if (operation.Value.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").TryGetProperty("application/json", out var json))
                foreach (var (segments, value) in Walk(schemas, json.GetProperty("schema"), [], 0))
                    yield return new Case(method, url, Nest(segments, value), Field(segments));
        }
    }

    /// <summary>Every bounded place in a body's schema, as the path to it and the value one past its bound.</summary>
    private static IEnumerable<(List<object> Segments, string Value)> Walk(JsonElement schemas, JsonElement schema, List<object> at, int depth)
    {
        if (depth > 8) yield break;
        schema = Resolve(schemas, schema);
        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(keyword, out var options))
                foreach (var option in options.EnumerateArray())
                foreach (var found in Walk(schemas, option, at, depth + 1))
                    yield return found;
        foreach (var (value, _) in Over(schema))
            yield return (at, value.GetRawText());
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject())
            foreach (var found in Walk(schemas, property.Value, [.. at, property.Name], depth + 1))
                yield return found;
        if (IsType(schema, "array") && schema.TryGetProperty("items", out var items))
            foreach (var found in Walk(schemas, items, [.. at, 0], depth + 1))
                yield return found;
    }

    /// <summary>A schema's own maxima, each as the value one past it.</summary>
    private static IEnumerable<(JsonElement Value, string Kind)> Over(JsonElement schema)
    {
        if (IsType(schema, "string") && schema.TryGetProperty("maxLength", out var maxLength))
            yield return (JsonSerializer.SerializeToElement(new string('9', maxLength.GetInt32() + 1)), "maxLength");
        if (IsType(schema, "integer") && schema.TryGetProperty("maximum", out var maximum))
            yield return (JsonDocument.Parse((BigInteger.Parse(maximum.GetRawText().Trim('"')) + 1).ToString()).RootElement, "maximum");
        if (IsType(schema, "array") && schema.TryGetProperty("maxItems", out var maxItems))
            yield return (JsonSerializer.SerializeToElement(Enumerable.Repeat<object?>(null, maxItems.GetInt32() + 1)), "maxItems");
    }

    private static string Nest(List<object> segments, string value)
    {
        var json = value;
        for (var i = segments.Count - 1; i >= 0; i--)
            json = segments[i] is string name ? $"{{{JsonSerializer.Serialize(name)}:{json}}}" : $"[{json}]";
        return json;
    }

    private static string Field(List<object> segments)
    {
        var field = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment is string name) field.Append(field.Length > 0 ? "." : "").Append(name);
            else field.Append('[').Append(segment).Append(']');
        }
        return field.Length > 0 ? field.ToString() : "body";
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var r) ? Resolve(schemas, schemas.GetProperty(r.GetString()!.Split('/')[^1])) : schema;

    private static bool IsType(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var t) && (t.ValueKind == JsonValueKind.String
            ? t.GetString() == type
            : t.EnumerateArray().Any(x => x.GetString() == type));

    private static bool Has(JsonElement schema, string property, string value) =>
        schema.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == value;
}
