using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SubsidyService.Operations.Limits;

/// <summary>
/// The whole API (and the health probes beside it), per signed-in user or else per client address: <c>RateLimits:ApiPerMinute</c> requests
/// (default 600) in each minute. Answers say where the caller stands with the IETF headers
/// (draft-ietf-httpapi-ratelimit-headers): <c>RateLimit-Policy: "default";q=600;w=60</c> and
/// <c>RateLimit: "default";r=599;t=42</c>; past the quota, 429 with <c>Retry-After</c>. The endpoints with a
/// tighter limit of their own (estimate, sign-in, letters) keep it besides.
/// </summary>
public sealed class ApiRateLimit
{
    public const string PolicyName = "default";
    public const int DefaultPerMinute = 600;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public ApiRateLimit(int permits)
    {
        Permits = permits;
        // Windows are counted on the monotonic clock and each window is a partition of its own, so that the
        // time left in it (the header's t) is known; a finished window's counter is dropped once idle.
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Applies(http)
            ? RateLimitPartition.GetFixedWindowLimiter($"{Caller(http)}@{WindowIndex()}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter(""));
    }

    public int Permits { get; }
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public static void Add(WebApplicationBuilder builder)
    {
        var permits = builder.Configuration.GetValue("RateLimits:ApiPerMinute", DefaultPerMinute);
        builder.Services.AddSingleton(new ApiRateLimit(permits));
        builder.Services.AddOptions<RateLimiterOptions>().Configure<ApiRateLimit>((o, limit) => o.GlobalLimiter = limit.Limiter);
    }

    /// <summary>The API and the health probes: every operation the OpenAPI document describes.</summary>
    public static bool Applies(HttpContext http) => Applies(http.Request.Path);

    public static bool Applies(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/livez") || path.StartsWithSegments("/readyz");

    private static string Caller(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user ? "user:" + user : "address:" + ClientAddress.Of(http);

    private static long WindowIndex() => Environment.TickCount64 / (long)Window.TotalMilliseconds;

    /// <summary>Seconds until the current window ends, at least 1.</summary>
    private static int SecondsLeft()
    {
        var ms = (long)Window.TotalMilliseconds;
        return Math.Max(1, (int)Math.Ceiling((ms - Environment.TickCount64 % ms) / 1000.0));
    }

    /// <summary>Writes the headers when the answer starts, whatever answered: the endpoint, a refusal or the limiter's 429.</summary>
    public sealed class Headers(RequestDelegate next, ApiRateLimit limit)
    {
        public Task InvokeAsync(HttpContext http)
        {
            if (Applies(http))
                http.Response.OnStarting(() =>
                {
                    var left = limit.Limiter.GetStatistics(http)?.CurrentAvailablePermits ?? limit.Permits;
                    var seconds = SecondsLeft().ToString(CultureInfo.InvariantCulture);
                    var window = ((int)Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                    http.Response.Headers["RateLimit-Policy"] = $"\"{PolicyName}\";q={limit.Permits};w={window}";
                    http.Response.Headers["RateLimit"] = $"\"{PolicyName}\";r={left};t={seconds}";
                    if (http.Response.StatusCode == StatusCodes.Status429TooManyRequests && left == 0)
                        http.Response.Headers.RetryAfter = seconds;
                    return Task.CompletedTask;
                });
            return next(http);
        }
    }
}
