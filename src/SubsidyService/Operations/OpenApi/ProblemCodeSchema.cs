using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SubsidyService.Kernel;

namespace SubsidyService.Operations.OpenApi;

/// <summary>Our problem details carry a stable <c>code</c> and the request's <c>traceId</c> (<see cref="Problems.Customize"/>): say so.</summary>
public sealed class ProblemCodeSchema : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type)) return Task.CompletedTask;
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Stable, machine-readable reason (validation_failed, not_found, forbidden, version_conflict, …); the title is for people.",
        };
        schema.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's trace identifier, to quote when reporting a problem.",
        };
        schema.Required ??= new HashSet<string>();
        schema.Required.Add("code");
        return Task.CompletedTask;
    }
}
