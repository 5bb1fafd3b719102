using FluentAssertions;
using SubsidyService.Domain.Calendar;

namespace SubsidyService.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    // National Day 2025: 1-8 October off, Sunday 28 September and Saturday 11 October worked.
    private static readonly WorkingDayCalendar Calendar = new(
        Enumerable.Range(1, 8).Select(d => new DateOnly(2025, 10, d)),
        [new DateOnly(2025, 9, 28), new DateOnly(2025, 10, 11)]);

    private static DateOnly D(int month, int day) => new(2025, month, day);

    [Fact]
    public void Weekends_are_off_unless_made_up_and_holidays_are_off()
    {
        Calendar.IsWorkingDay(D(9, 26)).Should().BeTrue(); // Friday
        Calendar.IsWorkingDay(D(9, 27)).Should().BeFalse(); // Saturday
        Calendar.IsWorkingDay(D(9, 28)).Should().BeTrue(); // make-up Sunday
        Calendar.IsWorkingDay(D(10, 1)).Should().BeFalse(); // Wednesday, holiday
        Calendar.IsWorkingDay(D(10, 11)).Should().BeTrue(); // make-up Saturday
        Calendar.IsWorkingDay(D(10, 12)).Should().BeFalse(); // Sunday
    }

    [Fact]
    public void Adding_working_days_skips_the_holiday()
    {
        Calendar.AddWorkingDays(D(9, 26), 0).Should().Be(D(9, 26));
        Calendar.AddWorkingDays(D(9, 27), 0).Should().Be(D(9, 27));
        Calendar.AddWorkingDays(D(9, 26), 1).Should().Be(D(9, 28));
        Calendar.AddWorkingDays(D(9, 26), 3).Should().Be(D(9, 30));
        Calendar.AddWorkingDays(D(9, 26), 4).Should().Be(D(10, 9));
        Calendar.AddWorkingDays(D(9, 26), 5).Should().Be(D(10, 10));
        Calendar.AddWorkingDays(D(9, 26), 6).Should().Be(D(10, 11));
        Calendar.AddWorkingDays(D(9, 26), 7).Should().Be(D(10, 13));
    }

    [Fact]
    public void Counting_between_dates_excludes_the_start_and_includes_the_end()
    {
        Calendar.WorkingDaysBetween(D(9, 26), D(9, 26)).Should().Be(0);
        Calendar.WorkingDaysBetween(D(9, 26), D(9, 25)).Should().Be(0);
        Calendar.WorkingDaysBetween(D(9, 26), D(9, 28)).Should().Be(1);
        Calendar.WorkingDaysBetween(D(9, 26), D(10, 10)).Should().Be(5);
    }

    [Fact]
    public void Adding_then_counting_gives_back_n()
    {
        var random = new Random(20250926);
        for (var i = 0; i < 2_000; i++)
        {
            var start = D(9, 1).AddDays(random.Next(0, 60));
            var n = random.Next(0, 30);
            Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, n)).Should().Be(n);
        }
    }

    [Fact]
    public void A_negative_count_is_refused()
    {
        var act = () => Calendar.AddWorkingDays(D(9, 26), -1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
