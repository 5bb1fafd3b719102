using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Domain.Calendar;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Calendar;

/// <summary>
/// Keeps the shared <see cref="WorkingDayCalendar"/> equal to the stored schedules plus the days configuration
/// adds: the published schedules are put in place when their year is missing, an admin's change is stored with
/// its event in the chained log and applied at once on this node, and every node reads the table again each
/// minute, so another node's change reaches it within that.
/// </summary>
public sealed class HolidayCalendar(NpgsqlDataSource db, CalendarStore store, WorkingDayCalendar calendar, IConfiguration config,
    EventLog events, TimeProvider clock, ILogger<HolidayCalendar> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private volatile IReadOnlySet<int> years = new HashSet<int>();

    /// <summary>Whether the year's schedule is in (as of the last read).</summary>
    public bool Has(int year) => years.Contains(year);

    /// <summary>From November on, next year's schedule is due: the year whose schedule is missing, or null.</summary>
    public int? MissingNextYear()
    {
        var today = clock.Today();
        return today.Month >= 11 && !Has(today.Year + 1) ? today.Year + 1 : null;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SeedPublishedAsync();
        await LoadAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // An interval between reads, not a reading of the time of day.
        using var timer = new PeriodicTimer(RefreshInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await LoadAsync();
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "The working-day calendar could not be read again; the last one read stays in use");
            }
        }
    }

    public Task<CalendarYear?> YearAsync(int year) => store.YearAsync(year);

    public async Task<Outcome<CalendarYear>> PutAsync(Actor actor, int year, CalendarBody body)
    {
        var checkedYear = CalendarInput.Check(year, body);
        if (!checkedYear.Succeeded) return checkedYear;
        var y = checkedYear.Value!;
        await using (var conn = await db.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await CalendarStore.PutAsync(conn, tx, y, "admin", actor.Id, clock.GetUtcNow().UtcDateTime);
            await events.AppendAsync(conn, tx, new NewEvent(null, actor.Id, actor.Label, "calendar_changed", null, null, $"{year} 年节假日安排",
                new { year, holidays = y.Holidays.Count, makeUpWorkingDays = y.MakeUpWorkingDays.Count }));
            await tx.CommitAsync();
        }
        await LoadAsync();
        return y;
    }

    private async Task SeedPublishedAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        foreach (var (y, notice) in PublishedSchedules.All)
            if (await CalendarStore.PutAsync(conn, tx, y, notice, null, clock.GetUtcNow().UtcDateTime, onlyIfMissing: true))
                logger.LogInformation("Put the published holiday schedule of {Year} in place", y.Year);
        await tx.CommitAsync();
    }

    private async Task LoadAsync()
    {
        var (days, stored) = await store.AllAsync();
        var (holidays, makeUps) = WorkingDays.Configured(config);
        // Configuration adds days to the stored schedules; a day it names wins over the stored kind.
        var configured = holidays.Concat(makeUps).ToHashSet();
        calendar.Replace(
            days.Where(d => d.Kind == CalendarStore.Holiday && !configured.Contains(d.Date)).Select(d => d.Date).Concat(holidays),
            days.Where(d => d.Kind == CalendarStore.MakeUpWorkingDay && !configured.Contains(d.Date)).Select(d => d.Date).Concat(makeUps));
        years = stored.ToHashSet();
    }
}
