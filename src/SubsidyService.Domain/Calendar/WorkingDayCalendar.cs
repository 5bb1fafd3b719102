namespace SubsidyService.Domain.Calendar;

/// <summary>
/// Working days as the State Council's holiday notices define them: weekends are off unless declared
/// make-up working days (调休上班), and public holidays are off. The dates come from the service's calendar
/// (the published schedules and configuration); <see cref="Replace"/> swaps them whole when they change, so a
/// reader never sees half of one set and half of the other.
/// </summary>
public sealed class WorkingDayCalendar
{
    private sealed record Days(HashSet<DateOnly> Holidays, HashSet<DateOnly> MakeUpWorkingDays);

    private volatile Days days;

    public WorkingDayCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays) =>
        days = Of(holidays, makeUpWorkingDays);

    /// <summary>Replaces every holiday and make-up working day at once.</summary>
    public void Replace(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays) =>
        days = Of(holidays, makeUpWorkingDays);

    private static Days Of(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkingDays) => new(
        holidays?.ToHashSet() ?? throw new ArgumentNullException(nameof(holidays)),
        makeUpWorkingDays?.ToHashSet() ?? throw new ArgumentNullException(nameof(makeUpWorkingDays)));

    public bool IsWorkingDay(DateOnly date)
    {
        var d = days;
        if (d.Holidays.Contains(date))
            return false;
        if (d.MakeUpWorkingDays.Contains(date))
            return true;
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>The n-th working day after <paramref name="start"/>; n = 0 gives start itself, working day or not.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var date = start;
        for (var counted = 0; counted < n;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                counted++;
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when to ≤ from.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
                count++;
        }

        return count;
    }
}
