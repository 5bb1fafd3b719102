using System.Security.Claims;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Calendar;

public static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Calendar");

        calendar.MapGet("/{year:int}", async (int year, HolidayCalendar holidays) =>
            await holidays.YearAsync(year) is { } y ? Results.Ok(y) : Refusal.NotFound($"{year} 年的节假日安排"))
        .AllowAnonymous()
        .Produces<CalendarYear>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("A year's public holidays and make-up working days (anyone); 404 while the year's schedule is not in");

        calendar.MapPut("/{year:int}", async (int year, HttpContext http, ClaimsPrincipal user, HolidayCalendar holidays) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<CalendarBody>(http);
            if (problem is not null) return problem;
            return (await holidays.PutAsync(Actor.From(user), year, body!)).ToResult(Results.Ok);
        })
        .RequireAuthorization(Roles.Admin)
        .Accepts<CalendarBody>("application/json")
        .Produces<CalendarYear>()
        .ProducesValidationProblem()
        .WithSummary("Replace a year's public holidays and make-up working days (admin)");
    }
}
