using SubsidyService.Kernel;

namespace SubsidyService.Reports;

/// <summary>Reports: the period's summary (finance, auditor) and the auditors' export for the province.</summary>
public static class ReportsExtensions
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddWorkingDayCalendar();
        builder.Services.AddSingleton<SummaryQuery>();
        builder.Services.AddSingleton<PeriodExport>();
        return builder;
    }

    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapReportEndpoints();
        return app;
    }
}
