using System.Collections;
using System.Diagnostics;
using System.Security.Claims;
using SubsidyService.Operations.Health;

namespace SubsidyService.Operations.Logging;

/// <summary>
/// One line per request: method, masked path, status, time. Bodies, query strings and headers are never logged,
/// since they carry passwords, tokens and ID numbers. Every line written during the request carries a scope with
/// the user's id and role and the client's address (never a name or an identity number), read when the line is
/// written, so the user signed in by later middleware is named too.
/// </summary>
public sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        using var scope = logger.BeginScope(new RequestScope(http));
        try
        {
            await next(http);
        }
        finally
        {
            // Load balancers probe and Prometheus scrapes every few seconds: a healthy answer is not news, a failing one is.
            if (!(http.Response.StatusCode < 400 && (HealthEndpoints.Paths.Contains(http.Request.Path.Value) || http.Request.Path == Metrics.MetricsExtensions.Path)))
            {
                logger.LogInformation("{Method} {Path} → {Status} in {Elapsed:0} ms",
                    http.Request.Method, Mask(http.Request.Path.Value ?? ""), http.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    public static string Mask(string path) => LogMasking.Mask(path);

    private sealed class RequestScope(HttpContext http) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private KeyValuePair<string, object?>[] Values()
        {
            var user = http.User;
            var signedIn = user.Identity?.IsAuthenticated == true;
            return
            [
                new("userId", signedIn ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null),
                new("role", signedIn ? user.FindFirstValue(ClaimTypes.Role) : null),
                new("client", ClientAddress.Of(http)),
            ];
        }

        public int Count => 3;
        public KeyValuePair<string, object?> this[int index] => Values()[index];
        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)Values()).GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
