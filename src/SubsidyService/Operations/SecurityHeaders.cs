namespace SubsidyService.Operations;

/// <summary>
/// Headers every answer carries: no framing by other sites, no MIME sniffing of downloads, no referrer sent
/// elsewhere, and a content policy that lets pages load only the service's own scripts and styles. Over
/// HTTPS, browsers are also told to keep to HTTPS.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'self'; frame-src 'self'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    // The job dashboard (a library's pages) writes inline scripts and styles of its own.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/jobs") ? DashboardPolicy : ContentPolicy;
        if (http.Request.IsHttps)
            headers.StrictTransportSecurity = "max-age=31536000";
        return next(http);
    }
}
