using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace SubsidyService.Operations.Logging;

/// <summary>
/// One text line for a developer's terminal: UTC time, level, category, message, then the W3C trace id and the
/// scopes' values as <c>key=value</c> (user id, role and client address from <see cref="RequestLogging"/>, the
/// framework's request id and path). Written here rather than by the framework's simple formatter because that one
/// prints a scope as it is, the raw request path included; every string here passes <see cref="LogMasking"/>.
/// </summary>
public sealed class TextLineFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "subsidy-text";

    public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopes, TextWriter writer)
    {
        var message = entry.Formatter(entry.State, entry.Exception);
        if (string.IsNullOrEmpty(message) && entry.Exception is null) return;
        var line = new StringBuilder();
        line.Append(DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append(' ').Append(LevelName(entry.LogLevel))
            .Append(' ').Append(entry.Category).Append(": ")
            .Append(OneLine(LogMasking.Mask(message)));
        // Case aside, the framework's scopes repeat what the line already names (its TraceId, SpanId).
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Activity.Current is { } activity)
        {
            Append(line, "traceId", activity.TraceId.ToHexString(), written);
            Append(line, "spanId", activity.SpanId.ToHexString(), written);
        }
        scopes?.ForEachScope((scope, state) =>
        {
            if (scope is not IEnumerable<KeyValuePair<string, object?>> values) return;
            foreach (var (key, value) in values)
                if (key != "{OriginalFormat}" && value is not null)
                    Append(state.line, key, Convert.ToString(value, CultureInfo.InvariantCulture), state.written);
        }, (line, written));
        if (entry.Exception is not null) line.Append('\n').Append(LogMasking.Mask(entry.Exception.ToString()));
        line.Append('\n');
        writer.Write(line.ToString());
    }

    private static void Append(StringBuilder line, string key, string? value, HashSet<string> written)
    {
        if (string.IsNullOrEmpty(value) || !written.Add(key)) return;
        line.Append(' ').Append(key).Append('=').Append(OneLine(LogMasking.Mask(value)));
    }

    // A message with a line break (a SQL text, a framework's warning) stays one line, so a grep finds it whole.
    private static string OneLine(string text) => text.Contains('\n') ? text.ReplaceLineEndings(" ⏎ ") : text;

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
