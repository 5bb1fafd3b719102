namespace SubsidyService.Bars;

/// <summary>Bars (失信): identities that may not submit claims until a date.</summary>
public static class BarsExtensions
{
    public static WebApplicationBuilder AddBars(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BarStore>();
        builder.Services.AddSingleton<Barring>();
        return builder;
    }

    public static WebApplication MapBars(this WebApplication app)
    {
        app.MapBarEndpoints();
        return app;
    }
}
