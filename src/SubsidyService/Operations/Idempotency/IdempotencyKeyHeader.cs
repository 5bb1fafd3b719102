using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SubsidyService.Operations.Idempotency;

/// <summary>Documents the optional Idempotency-Key header on every POST the middleware covers.</summary>
public sealed class IdempotencyKeyHeader : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.HttpMethod is null || !IdempotencyKey.Covers(description.HttpMethod, "/" + description.RelativePath))
            return Task.CompletedTask;

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
        return Task.CompletedTask;
    }
}
