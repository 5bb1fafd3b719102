using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SubsidyService.Operations.OpenApi;

/// <summary>The document's own description: title, licence, where the API lives, what each tag covers.</summary>
public sealed class ApiDocumentDescription : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Accounts"] = "Registration, sign-in (bearer tokens) and who the caller is.",
        ["Policy"] = "Policy versions and the subsidy estimate.",
        ["Claims"] = "Claims from draft to payment: intake, documents, workflow triggers.",
        ["Registers"] = "Other-level funding registers, screened against live claims.",
        ["Audit"] = "The hash-chained event log, for auditors.",
        ["Operations"] = "Health of the node.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "SubsidyService";
        document.Info.Description = "专利维权代理费补助: claims from submission to payment. Errors are RFC 9457 problem details with a stable `code`.";
        document.Info.License = new OpenApiLicense { Name = "Apache-2.0", Identifier = "Apache-2.0" };
        // Relative: the API is wherever this document was fetched from, whichever node or proxy that was.
        // Public (x-internal: false) and the same in every environment, production or test: it is the node that answered.
        document.Servers =
        [
            new OpenApiServer
            {
                Url = "/",
                Description = "This node, in whichever environment it runs (production, staging or test).",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(false)) },
            },
        ];
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
            tag.Description ??= TagDescriptions.GetValueOrDefault(tag.Name ?? "") ?? $"{tag.Name} endpoints.";
        return Task.CompletedTask;
    }
}
