using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using SubsidyService.Operations.Limits;

namespace SubsidyService.Operations.OpenApi;

/// <summary>
/// What every operation gets from its endpoint's metadata, so that endpoints added later need not repeat it:
/// an operationId, the bearer security requirement where authorization is required, and the problem responses
/// the service's conventions produce (400 for a body or query, 404 for a path id, 401/403 for authorization,
/// 429 for rate limits). Responses an endpoint documents itself are left as they are.
/// </summary>
public sealed class OperationConventions : IOpenApiOperationTransformer
{
    public const string BearerScheme = "bearer";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? "GET";

        var name = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        operation.OperationId = name is not null
            ? OperationIds.FromName(name)
            : OperationIds.FromRoute(method, description.RelativePath ?? "");

        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || (authorize.Count == 0 && !metadata.OfType<AuthorizationPolicy>().Any());
        operation.Security = anonymous
            // An empty requirement: explicitly open to anyone, no credentials needed.
            ? [new OpenApiSecurityRequirement()]
            : [new OpenApiSecurityRequirement { [BearerSchemeReference(context)] = [] }];

        var hasBody = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);
        if (hasBody || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true)
            await ProblemResponses.AddAsync(operation, context, 400, "The request is malformed or a field is invalid (`errors` names each field).", ct);
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
            await ProblemResponses.AddAsync(operation, context, 404, "Not found, or not visible to the caller.", ct);
        if (!anonymous)
        {
            await ProblemResponses.AddAsync(operation, context, 401, "No bearer token, or an expired or invalid one.", ct);
            if (authorize.Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy)))
                await ProblemResponses.AddAsync(operation, context, 403, "The caller's role may not do this.", ct);
        }
        if (ApiRateLimit.Applies("/" + description.RelativePath) || metadata.OfType<EnableRateLimitingAttribute>().Any())
            await ProblemResponses.AddAsync(operation, context, 429, "Too many requests from this client: retry after `Retry-After` seconds.", ct);
    }

    /// <summary>The API's bearer tokens (from <c>POST /api/v1/auth/login</c>), declared once in the document's components.</summary>
    private static OpenApiSecuritySchemeReference BearerSchemeReference(OpenApiOperationTransformerContext context)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation is not part of a document.");
        if (document.Components?.SecuritySchemes?.ContainsKey(BearerScheme) != true)
            document.AddComponent<IOpenApiSecurityScheme>(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "`Authorization: Bearer <accessToken>`, the token from `POST /api/v1/auth/login` (valid 8 hours, accepted by every node).",
            });
        return new OpenApiSecuritySchemeReference(BearerScheme, document);
    }
}
