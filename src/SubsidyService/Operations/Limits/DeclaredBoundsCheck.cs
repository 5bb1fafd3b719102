using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SubsidyService.Kernel;

namespace SubsidyService.Operations.Limits;

/// <summary>
/// Enforces, for every API request, the bounds the OpenAPI document declares for its operation: the length of
/// each query and path value, and in a JSON body each string's <c>maxLength</c>, each list's <c>maxItems</c> and
/// each integer's <c>minimum</c>/<c>maximum</c>. A value past its bound is refused with 400 naming the field,
/// before anyone reads the request; so whatever the document promises, the service keeps.
/// </summary>
public sealed class DeclaredBoundsCheck(RequestDelegate next, IServiceProvider services)
{
    public const string DocumentName = "v1";

    /// <summary>
    /// The most a JSON body may weigh: its bounds are checked by parsing it whole, so the parse is held to what a
    /// claim with every list at its declared maximum of realistic entries needs, far below the server's 30 MB.
    /// </summary>
    public const int MaxJsonBody = 1024 * 1024;

    private static readonly Refusal TooLarge = new(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "请求过大",
        $"请求内容超过 {MaxJsonBody / 1024 / 1024} MB，请减少一次提交的内容。");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, OpenApiOperation>? _operations;

    public async Task InvokeAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || http.GetEndpoint() is not RouteEndpoint endpoint)
        {
            await next(http);
            return;
        }
        var operations = _operations ?? await LoadAsync(http.RequestAborted);
        if (!operations.TryGetValue(Key(http.Request.Method, endpoint.RoutePattern.RawText), out var operation))
        {
            await next(http);
            return;
        }
        if (http.Request.HasJsonContentType() && http.Request.ContentLength > MaxJsonBody)
        {
            await TooLarge.ExecuteAsync(http);
            return;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        CheckParameters(http, operation, errors);
        if (errors.Count == 0 && !await CheckBodyAsync(http, operation, errors))
        {
            await TooLarge.ExecuteAsync(http);
            return;
        }
        if (errors.Count > 0)
        {
            await Refusal.Validation(errors).ExecuteAsync(http);
            return;
        }
        await next(http);
    }

    private async Task<Dictionary<string, OpenApiOperation>> LoadAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_operations is not null) return _operations;
            var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
            var document = await provider.GetOpenApiDocumentAsync(ct);
            var operations = new Dictionary<string, OpenApiOperation>(StringComparer.OrdinalIgnoreCase);
            foreach (var (path, item) in document.Paths ?? [])
            foreach (var (method, operation) in item.Operations ?? [])
                operations[Key(method.Method, path)] = operation;
            return _operations = operations;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>"GET" and "/api/v1/claims/{id:guid}" → "GET /api/v1/claims/{id}", as the document writes its paths.</summary>
    private static string Key(string method, string? route)
    {
        var segments = (route ?? "").Trim('/').Split('/').Select(s =>
            s.StartsWith('{') ? "{" + s.Trim('{', '}').Split(':', '=')[0].TrimStart('*').TrimEnd('?') + "}" : s);
        return method.ToUpperInvariant() + " /" + string.Join('/', segments);
    }

    private static void CheckParameters(HttpContext http, OpenApiOperation operation, Dictionary<string, string[]> errors)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Name is not { } name || parameter.Schema is not { } schema) continue;
            IEnumerable<string?> values = parameter.In switch
            {
                ParameterLocation.Query => http.Request.Query.TryGetValue(name, out var q) ? q.ToArray() : [],
                ParameterLocation.Path => http.Request.RouteValues.TryGetValue(name, out var p) ? [Convert.ToString(p, CultureInfo.InvariantCulture)] : [],
                _ => [],
            };
            foreach (var value in values)
            {
                if (value is null) continue;
                if (schema.MaxLength is { } max && value.Length > max) errors[name] = [TooLong(max)];
                else if (IsInteger(schema) && decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                         && OutOfRange(schema, n) is { } message) errors[name] = [message];
            }
        }
    }

    /// <returns>False when the body is larger than <see cref="MaxJsonBody"/> (sent without a length).</returns>
    private static async Task<bool> CheckBodyAsync(HttpContext http, OpenApiOperation operation, Dictionary<string, string[]> errors)
    {
        if (!http.Request.HasJsonContentType()) return true;
        var schema = operation.RequestBody?.Content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?.Schema;
        if (schema is null) return true;
        http.Request.EnableBuffering(bufferThreshold: 64 * 1024, bufferLimit: MaxJsonBody);
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            Check(document.RootElement, schema, "", errors, 0);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or text that is not UTF-8 (GetString throws for it): the endpoint's own reader answers that,
            // naming where it broke.
        }
        catch (IOException) when (!http.RequestAborted.IsCancellationRequested)
        {
            // The buffer's limit: the body is not read on, and nothing after this answer reads it.
            return false;
        }
        http.Request.Body.Position = 0;
        return true;
    }

    /// <summary>An object schema's properties by name, built once per schema: the document does not change while the node runs.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOpenApiSchema, Dictionary<string, IOpenApiSchema>> Properties = new();

    private static Dictionary<string, IOpenApiSchema>? PropertiesOf(IOpenApiSchema schema) =>
        schema.Properties is { Count: > 0 } p
            ? Properties.GetValue(schema, _ => new Dictionary<string, IOpenApiSchema>(p, StringComparer.OrdinalIgnoreCase))
            : null;

    private static void Check(JsonElement value, IOpenApiSchema schema, string path, Dictionary<string, string[]> errors, int depth)
    {
        if (depth > 32) return;
        var field = path.Length == 0 ? "body" : path;
        switch (value.ValueKind)
        {
            case JsonValueKind.String when schema.MaxLength is { } max && value.GetString()!.Length > max:
                errors[field] = [TooLong(max)];
                break;
            case JsonValueKind.Number when IsInteger(schema) && value.TryGetDecimal(out var n) && OutOfRange(schema, n) is { } message:
                errors[field] = [message];
                break;
            case JsonValueKind.Number when IsInteger(schema) && !value.TryGetDecimal(out _):
                errors[field] = ["须为整数，且不能超出声明的范围。"];
                break;
            case JsonValueKind.Array when schema.MaxItems is { } max && value.GetArrayLength() > max:
                errors[field] = [$"不能超过 {max} 项。"];
                break;
            case JsonValueKind.Array when schema.Items is { } items:
                var i = 0;
                foreach (var item in value.EnumerateArray()) Check(item, items, $"{path}[{i++}]", errors, depth + 1);
                break;
            case JsonValueKind.Object:
                var properties = PropertiesOf(schema);
                var count = 0;
                foreach (var property in value.EnumerateObject())
                {
                    count++;
                    var inner = properties?.GetValueOrDefault(property.Name) ?? schema.AdditionalProperties;
                    if (inner is not null) Check(property.Value, inner, path.Length == 0 ? property.Name : $"{path}.{property.Name}", errors, depth + 1);
                }
                if (schema.MaxProperties is { } maxProperties && count > maxProperties) errors[field] = [$"不能超过 {maxProperties} 项。"];
                break;
        }
        // A nullable reference, or one of several records (a trigger's data): each option's bounds apply.
        foreach (var option in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []))
            Check(value, option, path, errors, depth + 1);
    }

    private static bool IsInteger(IOpenApiSchema schema) => schema.Type is { } t && t.HasFlag(JsonSchemaType.Integer);

    private static string TooLong(int max) => $"不能超过 {max} 个字符。";

    private static string? OutOfRange(IOpenApiSchema schema, decimal value)
    {
        if (Bound(schema.Maximum) is { } max && value > max) return $"不能大于 {max.ToString(CultureInfo.InvariantCulture)}。";
        if (Bound(schema.Minimum) is { } min && value < min) return $"不能小于 {min.ToString(CultureInfo.InvariantCulture)}。";
        return null;

        static decimal? Bound(string? text) =>
            decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }
}
