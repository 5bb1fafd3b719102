using Microsoft.AspNetCore.Mvc;
using SubsidyService.Calendar;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Admin;

/// <summary>A year's holidays and make-up working days, one date a line, saved through the same checks as the API.</summary>
public sealed class CalendarModel(HolidayCalendar holidays, TimeProvider clock) : ServicePageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? HolidayDates { get; set; }
    [BindProperty] public string? MakeUpDates { get; set; }

    public int ShownYear => Year ?? clock.Today().Year;
    public bool IsIn { get; private set; }

    public async Task OnGetAsync()
    {
        var y = await holidays.YearAsync(ShownYear);
        IsIn = y is not null;
        HolidayDates = string.Join("\n", (y?.Holidays ?? []).Select(d => d.ToString("yyyy-MM-dd")));
        MakeUpDates = string.Join("\n", (y?.MakeUpWorkingDays ?? []).Select(d => d.ToString("yyyy-MM-dd")));
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var saved = await holidays.PutAsync(Actor.From(User), ShownYear,
            new CalendarBody(ShownYear, CalendarInput.Lines(HolidayDates), CalendarInput.Lines(MakeUpDates)));
        if (saved.Succeeded)
        {
            Notice = $"已保存 {ShownYear} 年节假日安排：节假日 {saved.Value!.Holidays.Count} 天，调休上班 {saved.Value.MakeUpWorkingDays.Count} 天。";
            return Redirect($"~/Admin/Calendar?year={ShownYear}");
        }
        Show(saved.Refusal!);
        IsIn = holidays.Has(ShownYear);
        return Page();
    }
}
