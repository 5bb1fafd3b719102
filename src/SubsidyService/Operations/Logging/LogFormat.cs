using Microsoft.Extensions.Logging.Console;

namespace SubsidyService.Operations.Logging;

/// <summary>
/// JSON lines in Production (what a log shipper reads), one text line with time and scopes elsewhere (what a
/// developer reads); <c>Logging:Console:FormatterName</c> (subsidy-json, simple) chooses otherwise.
/// </summary>
public static class LogFormat
{
    public static WebApplicationBuilder AddLogFormat(this WebApplicationBuilder builder)
    {
        builder.Logging.AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
        var chosen = builder.Configuration["Logging:Console:FormatterName"];
        var json = chosen is { Length: > 0 } ? chosen == JsonLineFormatter.Name : builder.Environment.IsProduction();
        builder.Logging.AddConsole(o => o.FormatterName = json ? JsonLineFormatter.Name : ConsoleFormatterNames.Simple);
        if (!json)
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                // Scopes stay out of text lines: the framework's own carries the raw request path.
                o.IncludeScopes = false;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        return builder;
    }
}
