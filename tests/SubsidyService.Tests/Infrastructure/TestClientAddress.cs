using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// The test server has no client address; with this, a request's <c>X-Test-Client-Address</c> header becomes its
/// connection's address (first in the pipeline), so a test can speak from several addresses.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestClientAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                http.Connection.RemoteIpAddress = address;
            return nextMiddleware(http);
        });
        next(app);
    };

    public static HttpClient From(SubsidyApp app, string address)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
