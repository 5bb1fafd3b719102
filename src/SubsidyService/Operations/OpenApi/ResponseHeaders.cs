using Microsoft.OpenApi;
using SubsidyService.Operations.Limits;

namespace SubsidyService.Operations.OpenApi;

/// <summary>
/// The headers <see cref="ApiRateLimit"/> writes on every answer of the document's operations, declared on each
/// response (OWASP API4:2023): <c>RateLimit-Policy</c> and <c>RateLimit</c>, and on a 429 <c>Retry-After</c>; and
/// the CORS policy (OWASP API8:2023), which is that there is none: <c>Access-Control-Allow-Origin</c> is never sent.
/// </summary>
public static class ResponseHeaders
{
    public static void Declare(OpenApiOperation operation)
    {
        foreach (var (status, candidate) in operation.Responses ?? [])
        {
            if (candidate is not OpenApiResponse response) continue;
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["RateLimit-Policy"] = Header(
                $"The caller's quota: `\"{ApiRateLimit.PolicyName}\";q=<requests>;w=<seconds>` (draft-ietf-httpapi-ratelimit-headers), per signed-in user or else per client address.");
            response.Headers["RateLimit"] = Header(
                $"What is left of the quota: `\"{ApiRateLimit.PolicyName}\";r=<remaining>;t=<seconds until the window resets>`.");
            response.Headers["Access-Control-Allow-Origin"] = new OpenApiHeader
            {
                Description = "Never sent: the API grants no other origin's scripts a read (same-origin only); clients other than browsers are not concerned.",
                Required = false,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            };
            if (status == "429")
                response.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before asking again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "86400" },
                };
        }
    }

    private static OpenApiHeader Header(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
    };
}
