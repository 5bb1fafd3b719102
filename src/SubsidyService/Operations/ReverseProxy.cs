using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SubsidyService.Operations;

/// <summary>
/// Behind a reverse proxy, the request as the client made it: its address, its scheme and the path the proxy
/// publishes the service under (<c>X-Forwarded-Prefix</c>, e.g. <c>/subsidy</c>, which becomes the path base every
/// link, redirect and cookie path is built on). Believed only from the proxies and networks configured, since
/// anyone else could pick the address their rate limit counts against. It runs first, so the log line, HSTS,
/// HTTPS checks and the rate limits all see the client's request, not the proxy's.
/// </summary>
public static class ReverseProxy
{
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        var proxies = app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = app.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0) return app;

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        // The settings check has refused malformed values before anything started.
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        app.UseForwardedHeaders(options);
        return app;
    }
}
