using System.Text.Json;
using System.Text.Json.Serialization;

namespace SubsidyService.Kernel;

/// <summary>How event data is written to the append-only log and read back: camelCase, enums as snake_case codes.</summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
