using System.Security.Claims;

namespace SubsidyService.Operations.Idempotency;

/// <summary>Whose keys a request's key is compared with: two callers choosing the same key never meet.</summary>
public static class IdempotencyScope
{
    public static string Of(HttpContext http)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (http.User.Identity?.IsAuthenticated == true && !string.IsNullOrEmpty(userId))
            return "user:" + userId;
        // Anonymous callers are told apart by address only: that is all we know of them.
        return "anonymous:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
