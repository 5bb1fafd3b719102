using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SubsidyService.Kernel;

namespace SubsidyService.Operations;

/// <summary>
/// Reads a JSON body ourselves instead of through parameter binding, so that malformed JSON and
/// wrongly typed fields come back as 400 naming the field, never as an exception page.
/// </summary>
public static class RequestBody
{
    public static async Task<Outcome<T>> ReadAsync<T>(HttpContext http) where T : class
    {
        if (!http.Request.HasJsonContentType())
            return new Refusal(415, "unsupported_media_type", "不支持的内容类型", "请求体须为 application/json。");
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(http.Request.Body, json, http.RequestAborted);
            return value is null ? Refusal.Validation("body", "请求体不能为空。") : value;
        }
        catch (JsonException ex)
        {
            return Refusal.Validation(FieldOf(ex.Path), "格式不正确：此处的值无法按要求的类型读取，或 JSON 语法有误。");
        }
    }

    /// <summary>"$.invoices[0].amount" → "invoices[0].amount"; the root or unknown → "body".</summary>
    public static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$") return "body";
        return jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
    }
}
