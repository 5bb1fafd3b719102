using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Policy;

/// <summary>
/// The estimate needs no login, so each client address gets a fixed number of requests per minute
/// (<c>RateLimits:EstimatePerMinute</c>, default 300) to keep a script from hogging the service.
/// </summary>
public static class EstimateRateLimit
{
    public const string PolicyName = "estimate";
    public const int DefaultPerMinute = 300;

    public static void Add(WebApplicationBuilder builder)
    {
        var perMinute = builder.Configuration.GetValue("RateLimits:EstimatePerMinute", DefaultPerMinute);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPerAddress(PolicyName, perMinute, TimeSpan.FromMinutes(1));
            o.OnRejected = RejectAsync;
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext ctx, CancellationToken ct)
    {
        var http = ctx.HttpContext;
        var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        // Problems.Customize adds code "too_many_requests" for the status.
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"请求过于频繁，请在 {seconds} 秒后再试。",
            },
        });
    }
}
