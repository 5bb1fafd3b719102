using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Domain.Calendar;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Calendar;

/// <summary>The working-day calendar ships the State Council's schedules, is kept in the database and maintained by an admin.</summary>
public sealed class CalendarTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SubsidyApp App => fixture.App;
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_notice_period_over_Spring_Festival_2026_skips_the_holiday_and_counts_the_make_up_Saturday_with_no_configuration()
    {
        var calendar = App.Service<WorkingDayCalendar>();
        // Thursday 12 February: Friday 13, Saturday 14 (worked), then 15–23 off, Tuesday 24, 25, 26.
        calendar.AddWorkingDays(D("2026-02-12"), 5).Should().Be(D("2026-02-26"), "weekdays alone would end it on 19 February");
        calendar.IsWorkingDay(D("2026-02-14")).Should().BeTrue();
        calendar.IsWorkingDay(D("2026-02-28")).Should().BeTrue();
        calendar.IsWorkingDay(D("2026-10-07")).Should().BeFalse();
        calendar.IsWorkingDay(D("2025-01-28")).Should().BeFalse();
        calendar.IsWorkingDay(D("2025-01-26")).Should().BeTrue();
        calendar.WorkingDaysBetween(D("2026-02-13"), D("2026-02-24")).Should().Be(2);

        var published = await ClaimApi.JsonAsync(await App.CreateClient().GetAsync("/api/v1/calendar/2026"));
        published.GetProperty("year").GetInt32().Should().Be(2026);
        published.GetProperty("holidays").EnumerateArray().Select(d => d.GetString()).Should().Contain(["2026-02-15", "2026-02-23", "2026-01-01"]).And.HaveCount(33);
        published.GetProperty("makeUpWorkingDays").EnumerateArray().Select(d => d.GetString())
            .Should().Equal("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        await (await App.CreateClient().GetAsync("/api/v1/calendar/2031")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task An_admin_puts_a_year_that_the_calendar_uses_at_once_and_bad_dates_are_400s_naming_the_field()
    {
        var admin = (await App.ClientAsAsync(Roles.Admin)).Client;
        var body = new { year = 2032, holidays = new[] { "2032-02-10", "2032-02-11" }, makeUpWorkingDays = new[] { "2032-02-07" } };
        var put = await admin.PutAsJsonAsync("/api/v1/calendar/2032", body);
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var calendar = App.Service<WorkingDayCalendar>();
        calendar.IsWorkingDay(D("2032-02-10")).Should().BeFalse();
        calendar.IsWorkingDay(D("2032-02-07")).Should().BeTrue("a Saturday worked");
        (await ClaimApi.JsonAsync(await App.CreateClient().GetAsync("/api/v1/calendar/2032"))).GetProperty("holidays").GetArrayLength().Should().Be(2);

        // Replaced whole: a day left out is a working day again.
        (await admin.PutAsJsonAsync("/api/v1/calendar/2032", new { year = 2032, holidays = new[] { "2032-02-11" }, makeUpWorkingDays = Array.Empty<string>() }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        calendar.IsWorkingDay(D("2032-02-10")).Should().BeTrue();
        calendar.IsWorkingDay(D("2032-02-07")).Should().BeFalse();

        await (await admin.PutAsJsonAsync("/api/v1/calendar/2032", new { holidays = new[] { "2032-13-01" } })).ShouldBeValidationProblemNamingAsync("holidays[0]");
        await (await admin.PutAsJsonAsync("/api/v1/calendar/2032", new { holidays = new[] { "2033-01-01" } })).ShouldBeValidationProblemNamingAsync("holidays[0]");
        await (await admin.PutAsJsonAsync("/api/v1/calendar/2032", new { year = 2031 })).ShouldBeValidationProblemNamingAsync("year");
        await (await admin.PutAsJsonAsync("/api/v1/calendar/2032", new { holidays = new[] { "2032-02-11" }, makeUpWorkingDays = new[] { "2032-02-11" } }))
            .ShouldBeValidationProblemNamingAsync("makeUpWorkingDays");
        calendar.IsWorkingDay(D("2032-02-11")).Should().BeFalse("a refused schedule changes nothing");

        foreach (var role in new[] { Roles.Applicant, Roles.Verifier, Roles.Finance, Roles.Auditor })
            (await (await App.ClientAsAsync(role)).Client.PutAsJsonAsync("/api/v1/calendar/2032", body)).StatusCode.Should().Be(HttpStatusCode.Forbidden, role);
        (await App.CreateClient().PutAsJsonAsync("/api/v1/calendar/2032", body)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE trigger = 'calendar_changed' AND data->>'year' = '2032'"))
            .Should().Be(2, "each change is in the chained log");
    }

    [Fact]
    public async Task The_admin_page_edits_a_year_and_warns_from_November_while_next_years_schedule_is_missing()
    {
        var admin = await PageBrowser.SignInAsync(App, Roles.Admin);
        (await admin.HtmlAsync("/Admin/Calendar?year=2026")).Should().Contain("2026-02-15").And.Contain("本年度安排已录入");
        (await admin.HtmlAsync("/Admin/Calendar?year=2034")).Should().Contain("尚未录入");
        var saved = await admin.PostAsync("/Admin/Calendar?year=2034", "/Admin/Calendar?year=2034",
            new() { ["HolidayDates"] = "2034-01-01\n2034-02-19", ["MakeUpDates"] = "" });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.HtmlAsync("/Admin/Calendar?year=2034")).Should().Contain("2034-02-19").And.Contain("本年度安排已录入");
        App.Service<WorkingDayCalendar>().IsWorkingDay(D("2034-02-20")).Should().BeTrue();
        App.Service<WorkingDayCalendar>().IsWorkingDay(D("2034-02-19")).Should().BeFalse();
        var refused = await PageBrowser.HtmlOf(await admin.PostAsync("/Admin/Calendar?year=2034", "/Admin/Calendar?year=2034",
            new() { ["HolidayDates"] = "2034-02-30", ["MakeUpDates"] = "" }));
        refused.Should().Contain("2034-02-30").And.Contain("不是 YYYY-MM-DD");

        // The warning depends on the date: shown from November while next year is missing.
        var holidays = App.Service<SubsidyService.Calendar.HolidayCalendar>();
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var html = await admin.HtmlAsync("/Admin");
        if (today.Month >= 11 && !holidays.Has(today.Year + 1))
            html.Should().Contain("id=\"calendar-missing\"").And.Contain($"{today.Year + 1} 年的节假日安排尚未录入");
        else
            html.Should().NotContain("id=\"calendar-missing\"");
    }
}

/// <summary>Configuration's days still count, beside the shipped schedules.</summary>
public sealed class ConfiguredHolidayTests
{
    [Fact]
    public async Task Configured_holidays_and_make_up_days_add_to_the_stored_schedules()
    {
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), settings: new Dictionary<string, string?>
        {
            ["Calendar:Holidays:0"] = "2026-03-02",
            ["Calendar:MakeUpWorkingDays:0"] = "2026-03-07",
        });
        _ = app.Server;
        var calendar = app.Service<WorkingDayCalendar>();
        calendar.IsWorkingDay(DateOnly.Parse("2026-03-02")).Should().BeFalse();
        calendar.IsWorkingDay(DateOnly.Parse("2026-03-07")).Should().BeTrue();
        calendar.IsWorkingDay(DateOnly.Parse("2026-02-16")).Should().BeFalse("the shipped schedule stays");
    }
}
