using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SubsidyService.Accounts;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Reports;

public static class ReportEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports");

        reports.MapGet("/summary", async (HttpContext http, SummaryQuery query, TimeProvider clock, [FromQuery] string? from, [FromQuery] string? to,
            [FromQuery] string? format) =>
        {
            if (format is not null and not "json" and not "xlsx") return Refusal.Validation("format", "只能是 json 或 xlsx。");
            if (!ReportPeriod.Parse(from, to, clock.Today()).TryGet(out var period, out var periodRefusal)) return periodRefusal;
            var summary = await query.RunAsync(period, http.RequestAborted);
            if (format != "xlsx") return Results.Ok(summary);
            using var buffer = new MemoryStream();
            await SummaryWorkbook.WriteAsync(buffer, summary, http.RequestAborted);
            return Results.File(buffer.ToArray(), XlsxType, $"summary-{summary.From}-{summary.To}.xlsx");
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
        .Produces<ReportSummary>()
        .Produces(StatusCodes.Status200OK, contentType: XlsxType)
        .ProducesValidationProblem()
        .WithSummary("The claims first submitted in the period (China dates, inclusive; default the current year) by status, tier, case type, " +
                     "applicant type and month, with approved, paid and recovered amounts, processing times in working days (median, 90th percentile) " +
                     "and the budget year's use by month; format=xlsx for a workbook (finance, auditor)");

        reports.MapGet("/export", async (HttpContext http, PeriodExport export, ClaimsPrincipal user, TimeProvider clock, [FromQuery] string? from,
            [FromQuery] string? to, [FromQuery] string? format) =>
        {
            if (format is not null and not "xlsx" and not "csv") return Refusal.Validation("format", "只能是 xlsx 或 csv。");
            if (!ReportPeriod.Parse(from, to, clock.Today()).TryGet(out var period, out var periodRefusal)) return periodRefusal;
            await export.WriteAsync(http, Actor.From(user), period, csv: format == "csv");
            return Results.Empty;
        })
        .RequireAuthorization(Roles.Auditor)
        .Produces(StatusCodes.Status200OK, contentType: XlsxType, additionalContentTypes: ["text/csv"])
        .ProducesValidationProblem()
        .WithSummary("The claims first submitted in the period, one line each with its latest payment, identity and account numbers masked, " +
                     "as XLSX (default) or CSV (format=csv), for the province to load; the export is recorded in the chained log (auditor)");
    }
}
