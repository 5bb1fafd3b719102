using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// Describes a transition's <c>data</c> as what it is: one of the records of <see cref="TriggerData.FromClients"/>,
/// chosen by the request's <c>trigger</c> rather than by a field of its own, so a <c>oneOf</c> without a discriminator.
/// The records the service alone fires (a register match, a bank result) are not offered to clients.
/// </summary>
public sealed class TriggerDataSchema : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(TriggerData)) return;
        schema.Type = JsonSchemaType.Object;
        schema.Properties = null;
        schema.OneOf = [];
        foreach (var (trigger, type) in TriggerData.FromClients)
        {
            var record = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
            // The record's name as its title: client generators name the type they make for it after the title.
            record.Title = type.Name;
            record.Description = $"data of {EnumCodes.ToCode(trigger)}";
            schema.OneOf.Add(record);
        }
        schema.Description = "What the trigger carries, by trigger: " +
            string.Join("; ", TriggerData.FromClients.Select(t => $"{EnumCodes.ToCode(t.Key)}: {t.Value.Name}")) +
            ". Other triggers take no data; any sent is ignored.";
    }
}
