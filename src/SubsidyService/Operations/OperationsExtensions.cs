using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SubsidyService.Operations.Limits;
using SubsidyService.Operations.OpenApi;
using SubsidyService.Kernel;
using SubsidyService.Operations.Health;
using SubsidyService.Operations.Logging;
using SubsidyService.Operations.Metrics;
using SubsidyService.Operations.Startup;

namespace SubsidyService.Operations;

public static class OperationsExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        // First of all: a wrong setting stops the start before anything is begun that would need stopping.
        StartupExit.Install();
        SettingsCheck.Validate(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.AddLogFormat();
        builder.AddMetrics();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        builder.Services.AddExceptionHandler<BusyDatabase>();
        builder.Services.AddExceptionHandler<UnstorableText>();
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<ApiDocumentDescription>();
            o.AddOperationTransformer<OperationConventions>();
            o.AddSchemaTransformer<ProblemCodeSchema>();
            o.AddSchemaTransformer<DeclaredBounds>();
            // Last, so that every schema the other transformers added is bounded too.
            o.AddDocumentTransformer<DeclaredBounds>();
        });
        ApiRateLimit.Add(builder);
        return builder;
    }

    public static WebApplication UseOperations(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseMiddleware<RequestLogging>();
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        // The quota headers go on every API answer, a bound's refusal and the rate limiter's own 429 alike.
        app.UseMiddleware<ApiRateLimit.Headers>();
        return app;
    }

    /// <summary>
    /// The rate limits, then the declared bounds: called right after authentication (a signed token's user is the
    /// limit's key) and before anything that reads the database for the caller or the body for its bounds, so that a
    /// flood of requests, signed in or not, is counted before it costs a session lookup or a parse.
    /// </summary>
    public static WebApplication UseApiLimits(this WebApplication app)
    {
        // Routing runs first in a WebApplication, so the limiter sees which endpoint asks for a policy of its own.
        app.UseRateLimiter();
        app.UseMiddleware<DeclaredBoundsCheck>();
        return app;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealth();
        app.MapMetrics();
        return app;
    }
}
