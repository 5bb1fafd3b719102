using System.Diagnostics;
using System.Text.RegularExpressions;
using SubsidyService.Operations.Health;

namespace SubsidyService.Operations;

/// <summary>
/// One line per request: method, path, status, time. Bodies, query strings and headers are never
/// logged, since they carry passwords, tokens and ID numbers; an ID-shaped path segment is masked.
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(http);
        }
        finally
        {
            // Load balancers probe every few seconds: a healthy answer is not news, a failing one is.
            if (!(http.Response.StatusCode < 400 && HealthEndpoints.Paths.Contains(http.Request.Path.Value)))
            {
                logger.LogInformation("{Method} {Path} → {Status} in {Elapsed:0} ms",
                    http.Request.Method, Mask(http.Request.Path.Value ?? ""), http.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    public static string Mask(string path) => IdLike().Replace(path, "***");

    // 15- to 18-character identity numbers and credit codes.
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-Za-z]{15,18}(?![0-9A-Za-z])")]
    private static partial Regex IdLike();
}
