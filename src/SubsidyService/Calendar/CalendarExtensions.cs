using SubsidyService.Kernel;

namespace SubsidyService.Calendar;

/// <summary>The working-day calendar kept in the database: the State Council's schedules, maintained by an admin.</summary>
public static class CalendarExtensions
{
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddSingleton<CalendarStore>();
        builder.Services.AddSingleton<HolidayCalendar>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HolidayCalendar>());
        return builder;
    }

    public static WebApplication MapCalendar(this WebApplication app)
    {
        app.MapCalendarEndpoints();
        return app;
    }
}
