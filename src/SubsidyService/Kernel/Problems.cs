using Microsoft.AspNetCore.Mvc;

namespace SubsidyService.Kernel;

/// <summary>RFC 9457 problem details with the stable <c>code</c> member API.md promises, for refusals and for the framework's own problems.</summary>
public static class Problems
{
    /// <summary>A refusal as problem details: the one mapping, used by <see cref="Refusal.ToResult"/>.</summary>
    internal static IResult From(Refusal refusal) => refusal is { Status: 400, Errors: { } errors }
        ? Results.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value), detail: refusal.Detail ?? Refusal.DetailNaming(errors),
            title: "输入有误", extensions: Code("validation_failed"))
        : Results.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail, extensions: refusal.Errors is { } lines
            // A whole file refused (422) names its bad lines under errors, as a 400 names fields.
            ? new Dictionary<string, object?> { ["code"] = refusal.Code, ["errors"] = lines }
            : Code(refusal.Code));

    /// <summary>The code a status gets when whoever produced the problem did not set one.</summary>
    public static string DefaultCode(int status) => status switch
    {
        400 => "validation_failed",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        429 => "too_many_requests",
        503 => "unavailable",
        >= 500 => "internal_error",
        _ => "error",
    };

    public static string DefaultTitle(int status) => status switch
    {
        400 => "请求有误",
        401 => "未登录或凭据无效",
        403 => "无权操作",
        404 => "未找到",
        405 => "不支持此请求方法",
        413 => "内容过大",
        415 => "不支持的内容类型",
        429 => "请求过于频繁，请稍后再试",
        503 => "服务暂不可用",
        >= 500 => "服务器内部错误",
        _ => "请求未能完成",
    };

    private static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };

    internal static void Customize(ProblemDetailsContext ctx)
    {
        var pd = ctx.ProblemDetails;
        var status = pd.Status ?? ctx.HttpContext.Response.StatusCode;
        pd.Extensions.TryAdd("code", DefaultCode(status));
        // The framework's English titles are replaced; titles set by our own code are kept.
        if (pd.Title is null || pd.Title == ReasonPhrase(status) || status >= 500 || pd.Title.StartsWith("One or more validation", StringComparison.Ordinal))
            pd.Title = DefaultTitle(status);
        if (status == 400 && pd is not HttpValidationProblemDetails && ctx.Exception is BadHttpRequestException bad)
        {
            pd.Detail = "请求体无法解析：" + bad.Message;
        }
        pd.Extensions.Remove("traceId");
        // The W3C trace id, as in the log lines and a traceparent header, so one search finds both.
        pd.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? ctx.HttpContext.TraceIdentifier;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
