using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SubsidyService.Operations.Limits;

namespace SubsidyService.Operations.OpenApi;

/// <summary>
/// Every string, integer and list in the document has a bound (OWASP API4:2023): a record property's or a
/// parameter's own <c>[MaxLength]</c> or <c>[Range]</c> first, else <see cref="InputBounds"/>. What a request
/// carries is enforced from this same document by <see cref="DeclaredBoundsCheck"/>.
/// </summary>
public sealed class DeclaredBounds : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    /// <summary>A property's or a parameter's own attributes, which the validators behind it enforce as well.</summary>
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var attributes = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(true)
            ?? (context.ParameterDescription?.ParameterDescriptor as Microsoft.AspNetCore.Mvc.Infrastructure.IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttributes(true)
            ?? [];
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case MaxLengthAttribute max when Is(schema, JsonSchemaType.Array):
                    schema.MaxItems = max.Length;
                    break;
                case MaxLengthAttribute max:
                    schema.MaxLength = max.Length;
                    break;
                case RangeAttribute range:
                    schema.Minimum = Convert.ToString(range.Minimum, CultureInfo.InvariantCulture);
                    schema.Maximum = Convert.ToString(range.Maximum, CultureInfo.InvariantCulture);
                    break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Whatever declares no bound of its own gets the default one, wherever it sits in the document.</summary>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? Enumerable.Empty<IOpenApiSchema>())
            Bound(schema, InputBounds.MaxTextLength, 0);
        foreach (var operation in (document.Paths?.Values ?? Enumerable.Empty<IOpenApiPathItem>())
                     .SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            // Every operation of the document is under the quota; its headers are declared here, after every
            // transformer has added the responses it documents.
            ResponseHeaders.Declare(operation);
            foreach (var parameter in operation.Parameters ?? [])
                Bound(parameter.Schema, InputBounds.MaxParameterLength, 0);
            foreach (var media in operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                Bound(media.Schema, InputBounds.MaxTextLength, 0);
            foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            {
                foreach (var media in response.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                    Bound(media.Schema, InputBounds.MaxTextLength, 0);
                foreach (var header in response.Headers?.Values ?? Enumerable.Empty<IOpenApiHeader>())
                    Bound(header.Schema, InputBounds.MaxParameterLength, 0);
            }
        }
        return Task.CompletedTask;
    }

    private static void Bound(IOpenApiSchema? candidate, int maxLength, int depth)
    {
        // A reference is bounded where its component is; the depth guards against a schema that contains itself.
        if (candidate is not OpenApiSchema schema || depth > 32) return;
        if (Is(schema, JsonSchemaType.String) && schema.MaxLength is null && schema.Enum is not { Count: > 0 } && schema.Const is null)
            schema.MaxLength = Is(schema, JsonSchemaType.Integer) ? InputBounds.MaxIntegerTextLength : maxLength;
        if (Is(schema, JsonSchemaType.Integer))
        {
            schema.Format ??= "int64";
            var (min, max) = schema.Format == "int32" ? ((decimal)int.MinValue, (decimal)int.MaxValue) : (long.MinValue, long.MaxValue);
            if (schema.Minimum is null && schema.ExclusiveMinimum is null) schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
            if (schema.Maximum is null && schema.ExclusiveMaximum is null) schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
        }
        if (Is(schema, JsonSchemaType.Array)) schema.MaxItems ??= InputBounds.MaxItems;
        if (schema.AdditionalProperties is not null) schema.MaxProperties ??= InputBounds.MaxProperties;

        Bound(schema.Items, maxLength, depth + 1);
        Bound(schema.AdditionalProperties, maxLength, depth + 1);
        foreach (var property in schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>()) Bound(property, maxLength, depth + 1);
        foreach (var option in (schema.OneOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? [])) Bound(option, maxLength, depth + 1);
    }

    private static bool Is(IOpenApiSchema schema, JsonSchemaType type) => schema.Type is { } t && t.HasFlag(type);
}
