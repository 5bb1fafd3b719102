using System.Net;

namespace SubsidyService.Pages;

/// <summary>
/// A page's error answer without a body (a claim that is not yours: 404; a post without its antiforgery token:
/// 400) reaches a browser as a small page with a title and a way back, instead of a blank one or JSON. The API
/// keeps its problem details, and so does any client that does not ask for HTML.
/// </summary>
public static class ErrorPages
{
    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/jobs")
                && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseStatusCodePages(context => WriteAsync(context.HttpContext)));
        return app;
    }

    private static Task WriteAsync(HttpContext http)
    {
        var (title, text) = http.Response.StatusCode switch
        {
            404 => ("页面不存在", "您要打开的页面或申请不存在，或不属于您的账户。请检查地址，或从首页重新进入。"),
            400 => ("请求无效", "页面可能已过期，或请求不完整。请返回上一页，刷新后重试。"),
            403 => ("无权访问", "您当前的角色不能打开该页面。如需办理，请使用相应角色的账户登录。"),
            _ => ("出错了", "服务暂时无法完成请求，请稍后重试。"),
        };
        http.Response.ContentType = "text/html; charset=utf-8";
        var root = WebUtility.HtmlEncode(http.Request.PathBase.Value ?? "");
        return http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{WebUtility.HtmlEncode(title)} · 专利维权代理费补助</title><link rel="stylesheet" href="{root}/css/site.css" /></head>
            <body><main><div class="card narrow"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(text)}</p>
            <a class="btn secondary" href="{root}/">返回首页</a></div></main></body>
            </html>
            """);
    }
}
