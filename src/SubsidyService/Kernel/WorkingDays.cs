using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Kernel;

/// <summary>
/// The working-day calendar from configuration: <c>Calendar:Holidays</c> and <c>Calendar:MakeUpWorkingDays</c>,
/// arrays of YYYY-MM-DD taken from the State Council's yearly holiday notice. Registered by every feature
/// that needs it (pages, policy), once; the calendar feature adds the schedules kept in the database to these.
/// </summary>
public static class WorkingDays
{
    public static IServiceCollection AddWorkingDayCalendar(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var (holidays, makeUps) = Configured(config);
            return new WorkingDayCalendar(holidays, makeUps);
        });
        return services;
    }

    /// <summary>The holidays and make-up working days configuration adds.</summary>
    public static (List<DateOnly> Holidays, List<DateOnly> MakeUpWorkingDays) Configured(IConfiguration config) =>
        (Dates(config, "Calendar:Holidays"), Dates(config, "Calendar:MakeUpWorkingDays"));

    private static List<DateOnly> Dates(IConfiguration config, string key) =>
        config.GetSection(key).GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v =>
            Invariant.TryParseDate(v!.Trim(), out var d)
                ? d
                : throw new InvalidOperationException($"{key} 中的日期“{v}”应为 YYYY-MM-DD。")).ToList();
}
