using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SubsidyService.Operations.OpenApi;

/// <summary>Adds an RFC 9457 problem response to an operation, unless the endpoint already documents that status.</summary>
public static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    public static async Task AddAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status,
        string description, CancellationToken ct)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key)) return;
        var type = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ContentType] = new() { Schema = await SchemaAsync(type, context, ct) },
            },
        };
    }

    /// <summary>The same component the framework uses for <c>.ProducesProblem()</c>, so all problem responses share one schema.</summary>
    private static async Task<IOpenApiSchema> SchemaAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation is not part of a document.");
        var id = type.Name;
        if (document.Components?.Schemas?.ContainsKey(id) != true)
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(type, cancellationToken: ct));
        return new OpenApiSchemaReference(id, document);
    }
}
