using System.Text.Encodings.Web;

namespace SubsidyService.Pages;

/// <summary>The same field-keyed errors the API returns, shown under the field they name.</summary>
public static class FieldErrors
{
    public static string Html(IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages)
            ? string.Concat(messages.Select(m =>
                $"<div class=\"field-error\" data-field=\"{HtmlEncoder.Default.Encode(field)}\">{HtmlEncoder.Default.Encode(m)}</div>"))
            : "";
}
