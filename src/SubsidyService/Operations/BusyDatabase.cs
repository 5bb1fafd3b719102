using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Operations;

/// <summary>
/// Every pooled connection stayed taken for the pool's whole timeout: the node is overloaded, not broken. The
/// caller is told so (503 with Retry-After), as a request that may be sent again, rather than given a 500.
/// Nothing was changed: the request never reached the database.
/// </summary>
public sealed class BusyDatabase(ILogger<BusyDatabase> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsPoolExhausted(exception) || http.Response.HasStarted) return false;
        logger.LogWarning("No database connection became free in time for {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await new Refusal(StatusCodes.Status503ServiceUnavailable, "service_busy", "服务繁忙",
            $"当前办理的人数较多，请 {RetryAfterSeconds} 秒后重试。带幂等键的请求可用同一幂等键放心重试。").ExecuteAsync(http);
        return true;
    }

    /// <summary>Npgsql's pool timeout: an NpgsqlException wrapping a TimeoutException, raised before any command was sent.</summary>
    public static bool IsPoolExhausted(Exception e) =>
        e is NpgsqlException { InnerException: TimeoutException } npgsql
        && npgsql.Message.Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase);
}
