using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SubsidyService.Operations.OpenApi;

namespace SubsidyService.Operations.Idempotency;

/// <summary>Documents the optional Idempotency-Key header on every POST the middleware covers.</summary>
public sealed class IdempotencyKeyHeader : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (!string.Equals(description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase)
            || description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) != true)
            return;

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "1–200 printable ASCII characters. A repeat with the same key and body gets the first answer " +
                          $"again (with `{IdempotencyKey.ReplayedHeader}: true`) and does nothing again; the same key with " +
                          "another body is 422 `idempotency_key_reused`. Keys are kept for 24 hours, per caller.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
        });
        await ProblemResponses.AddAsync(operation, context, StatusCodes.Status409Conflict,
            "`idempotency_in_progress`: the first request with this Idempotency-Key is still running (or another conflict the operation names).", cancellationToken);
        await ProblemResponses.AddAsync(operation, context, StatusCodes.Status422UnprocessableEntity,
            "`idempotency_key_reused`: this Idempotency-Key was used with another request (or another refusal the operation names).", cancellationToken);
    }
}
