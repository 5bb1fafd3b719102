using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace SubsidyService.Operations.Logging;

/// <summary>
/// One JSON object per line: time (UTC), level, category, message, the W3C trace id, the scopes' values flattened
/// (user id, role and client address from <see cref="RequestLogging"/>), the exception. Every string passes through
/// <see cref="LogMasking"/>, the framework's own scopes (its raw request path) included.
/// </summary>
public sealed class JsonLineFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "subsidy-json";

    public override void Write<TState>(in LogEntry<TState> entry, IExternalScopeProvider? scopes, TextWriter writer)
    {
        var message = entry.Formatter(entry.State, entry.Exception);
        if (string.IsNullOrEmpty(message) && entry.Exception is null) return;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("time", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(entry.LogLevel));
            json.WriteString("category", entry.Category);
            if (entry.EventId.Id != 0) json.WriteNumber("eventId", entry.EventId.Id);
            json.WriteString("message", LogMasking.Mask(message));
            if (Activity.Current is { } activity)
            {
                json.WriteString("traceId", activity.TraceId.ToHexString());
                json.WriteString("spanId", activity.SpanId.ToHexString());
            }
            var written = new HashSet<string>(StringComparer.Ordinal) { "time", "level", "category", "eventId", "message", "traceId", "spanId", "exception" };
            scopes?.ForEachScope((scope, state) => WriteValues(state.json, scope, state.written), (json, written));
            WriteValues(json, entry.State, written);
            if (entry.Exception is not null) json.WriteString("exception", LogMasking.Mask(entry.Exception.ToString()));
            json.WriteEndObject();
        }
        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.Write('\n');
    }

    /// <summary>A scope's or a message's named values, first writer wins; the message template itself is left out.</summary>
    private static void WriteValues(Utf8JsonWriter json, object? state, HashSet<string> written)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> values) return;
        foreach (var (key, value) in values)
        {
            if (key == "{OriginalFormat}" || !written.Add(key)) continue;
            switch (value)
            {
                case null: json.WriteNull(key); break;
                case int or long or double or decimal or float or short: json.WriteNumber(key, Convert.ToDecimal(value, CultureInfo.InvariantCulture)); break;
                case bool b: json.WriteBoolean(key, b); break;
                default: json.WriteString(key, LogMasking.Mask(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")); break;
            }
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        LogLevel.Critical => "critical",
        _ => "none",
    };
}
