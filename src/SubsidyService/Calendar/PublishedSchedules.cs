using System.Globalization;
using System.Text.Json;

namespace SubsidyService.Calendar;

/// <summary>The State Council's schedules the service ships (<c>published-schedules.json</c>, each with its notice cited).</summary>
public static class PublishedSchedules
{
    private sealed record File(IReadOnlyList<Entry> Years);

    private sealed record Entry(int Year, string Notice, IReadOnlyList<string> Holidays, IReadOnlyList<string> MakeUpWorkingDays);

    public static IReadOnlyList<(CalendarYear Year, string Notice)> All { get; } = Read();

    private static List<(CalendarYear, string)> Read()
    {
        using var stream = typeof(PublishedSchedules).Assembly.GetManifestResourceStream("calendar/published-schedules.json")
            ?? throw new InvalidOperationException("calendar/published-schedules.json is not embedded");
        var file = JsonSerializer.Deserialize<File>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        static List<DateOnly> Dates(IEnumerable<string> s) => s.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();
        return file.Years.Select(e => (new CalendarYear(e.Year, Dates(e.Holidays), Dates(e.MakeUpWorkingDays)), e.Notice)).ToList();
    }
}
