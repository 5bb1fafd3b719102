namespace SubsidyService.Calendar;

/// <summary>API.md's year of the calendar: <c>{year, holidays: [date], makeUpWorkingDays: [date]}</c>, dates ascending.</summary>
public sealed record CalendarYear(int Year, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> MakeUpWorkingDays);

/// <summary>The body of <c>PUT /api/v1/calendar/{year}</c>: the year's days as YYYY-MM-DD text, checked by <see cref="CalendarInput.Check"/>.</summary>
public sealed record CalendarBody(int? Year, IReadOnlyList<string?>? Holidays, IReadOnlyList<string?>? MakeUpWorkingDays);
