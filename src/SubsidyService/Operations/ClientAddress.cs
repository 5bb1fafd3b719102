namespace SubsidyService.Operations;

/// <summary>The client's address as rate limits and the security log count it (forwarded headers are applied only from trusted proxies).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
