using Microsoft.Extensions.Logging.Console;

namespace SubsidyService.Operations.Logging;

/// <summary>
/// JSON lines in Production (what a log shipper reads), one text line with time and scopes elsewhere (what a
/// developer reads); <c>Logging:Console:FormatterName</c> (subsidy-json, subsidy-text, or simple for the same text)
/// chooses otherwise. Both formatters are the service's own, so both mask identity and account numbers.
/// </summary>
public static class LogFormat
{
    public static WebApplicationBuilder AddLogFormat(this WebApplicationBuilder builder)
    {
        builder.Logging.AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
        builder.Logging.AddConsoleFormatter<TextLineFormatter, ConsoleFormatterOptions>();
        var chosen = builder.Configuration["Logging:Console:FormatterName"];
        var json = chosen is { Length: > 0 } ? chosen == JsonLineFormatter.Name : builder.Environment.IsProduction();
        builder.Logging.AddConsole(o => o.FormatterName = json ? JsonLineFormatter.Name : TextLineFormatter.Name);
        return builder;
    }
}
