using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Operations;

/// <summary>
/// The database could not take the request now, and nothing of it was kept: every pooled connection stayed
/// taken for the pool's whole timeout (the node is overloaded, not broken), or PostgreSQL rolled the
/// transaction back to break a deadlock or a serialization conflict. The caller is told to send it again
/// (503 with Retry-After) rather than given a 500.
/// </summary>
public sealed class BusyDatabase(ILogger<BusyDatabase> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsTransient(exception) || http.Response.HasStarted) return false;
        logger.LogWarning("The database could not take {Method} {Path} now: {Reason}", http.Request.Method, http.Request.Path, exception.Message);
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await new Refusal(StatusCodes.Status503ServiceUnavailable, "service_busy", "服务繁忙",
            $"当前办理的人数较多，请 {RetryAfterSeconds} 秒后重试。带幂等键的请求可用同一幂等键放心重试。").ExecuteAsync(http);
        return true;
    }

    public static bool IsTransient(Exception e) => IsPoolExhausted(e) || e is PostgresException
    {
        SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
    };

    /// <summary>Npgsql's pool timeout: an NpgsqlException wrapping a TimeoutException, raised before any command was sent.</summary>
    private static bool IsPoolExhausted(Exception e) =>
        e is NpgsqlException { InnerException: TimeoutException } npgsql
        && npgsql.Message.Contains("connection pool has been exhausted", StringComparison.OrdinalIgnoreCase);
}
