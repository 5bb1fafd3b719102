using Dapper;
using Npgsql;

namespace SubsidyService.Calendar;

/// <summary>The SQL of the calendar's years and days.</summary>
public sealed class CalendarStore(NpgsqlDataSource db)
{
    private sealed record Day(DateOnly Date, string Kind);

    public const string Holiday = "holiday", MakeUpWorkingDay = "make_up_working_day";

    /// <summary>Every stored day, and the years whose schedule is in.</summary>
    public async Task<(IReadOnlyList<(DateOnly Date, string Kind)> Days, IReadOnlySet<int> Years)> AllAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        var days = (await conn.QueryAsync<Day>("SELECT day AS date, kind FROM calendar_days ORDER BY day"))
            .Select(d => (d.Date, d.Kind)).ToList();
        var years = (await conn.QueryAsync<int>("SELECT year FROM calendar_years")).ToHashSet();
        return (days, years);
    }

    /// <summary>The year's schedule, or null when it is not in.</summary>
    public async Task<CalendarYear?> YearAsync(int year)
    {
        await using var conn = await db.OpenConnectionAsync();
        if (!await conn.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM calendar_years WHERE year = @year)", new { year })) return null;
        var days = (await conn.QueryAsync<Day>("SELECT day AS date, kind FROM calendar_days WHERE year = @year ORDER BY day", new { year })).ToList();
        return new CalendarYear(year,
            days.Where(d => d.Kind == Holiday).Select(d => d.Date).ToList(),
            days.Where(d => d.Kind == MakeUpWorkingDay).Select(d => d.Date).ToList());
    }

    /// <summary>Replaces the year's days in the caller's transaction; <paramref name="onlyIfMissing"/> leaves a year already in as it is.</summary>
    public static async Task<bool> PutAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CalendarYear y, string source, Guid? by, DateTime now,
        bool onlyIfMissing = false)
    {
        var inserted = await conn.ExecuteAsync(onlyIfMissing
            ? "INSERT INTO calendar_years (year, source, updated_by, updated_at) VALUES (@Year, @source, @by, @now) ON CONFLICT (year) DO NOTHING"
            : """
              INSERT INTO calendar_years (year, source, updated_by, updated_at) VALUES (@Year, @source, @by, @now)
              ON CONFLICT (year) DO UPDATE SET source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at
              """, new { y.Year, source, by, now }, tx);
        if (inserted == 0) return false;
        await conn.ExecuteAsync("DELETE FROM calendar_days WHERE year = @Year", new { y.Year }, tx);
        await conn.ExecuteAsync("""
            INSERT INTO calendar_days (day, year, kind)
            SELECT d::date, @Year, k FROM unnest(@days, @kinds) AS x(d, k)
            """, new
        {
            y.Year,
            days = y.Holidays.Concat(y.MakeUpWorkingDays).Select(d => d.ToDateTime(TimeOnly.MinValue)).ToArray(),
            kinds = y.Holidays.Select(_ => Holiday).Concat(y.MakeUpWorkingDays.Select(_ => MakeUpWorkingDay)).ToArray(),
        }, tx);
        return true;
    }
}
