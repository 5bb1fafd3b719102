namespace SubsidyService.Objections;

/// <summary>Objections (异议) received during the public notice, and how each was handled.</summary>
public static class ObjectionsExtensions
{
    public static WebApplicationBuilder AddObjections(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ObjectionStore>();
        builder.Services.AddSingleton<ObjectionRecording>();
        builder.Services.AddSingleton<ObjectionHandling>();
        builder.Services.AddSingleton<Claims.IOpenObjections, OpenObjections>();
        return builder;
    }

    public static WebApplication MapObjections(this WebApplication app)
    {
        app.MapObjectionEndpoints();
        return app;
    }
}
