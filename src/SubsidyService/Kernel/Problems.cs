using Microsoft.AspNetCore.Mvc;

namespace SubsidyService.Kernel;

/// <summary>RFC 9457 problem details with the stable <c>code</c> member API.md promises.</summary>
public static class Problems
{
    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Results.ValidationProblem(errors, detail: detail ?? "请求中有不符合要求的字段，请按提示修改。",
            title: "输入有误", extensions: Code("validation_failed"));

    public static IResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Of(int status, string code, string title, string? detail = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail, extensions: Code(code));

    public static IResult NotFound(string what = "资源") => Of(404, "not_found", "未找到", $"{what}不存在或您无权查看。");
    public static IResult Forbidden(string? detail = null) => Of(403, "forbidden", "无权操作", detail ?? "您的角色不能执行此操作。");
    public static IResult Unauthorized(string code, string detail) => Of(401, code, "未登录或凭据无效", detail);
    public static IResult Conflict(string code, string title, string? detail = null) => Of(409, code, title, detail);

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
        pd.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
