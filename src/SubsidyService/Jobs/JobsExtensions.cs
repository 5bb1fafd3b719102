using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;
using SubsidyService.Accounts;
using SubsidyService.Kernel;

namespace SubsidyService.Jobs;

/// <summary>
/// Background jobs: Hangfire on the service's PostgreSQL, a job server in every node, the dashboard at /jobs.
/// Other features add recurring jobs with <see cref="RecurringJobsExtensions.AddRecurringJob{TJob}"/>.
/// </summary>
public static class JobsExtensions
{
    public const string DashboardPath = "/jobs";
    private const string DashboardPolicy = "jobs-dashboard";

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JobsOptions>().Bind(builder.Configuration.GetSection("Jobs"));
        services.AddSingleton<SubsidyService.Data.ISchemaPart, JobSchema>();

        // Registered before AddHangfire, whose defaults are process-wide singletons: several nodes in one
        // process (the tests) must each keep their own store and their own services for the jobs they run.
        services.AddSingleton(JobStorageFactory.Create);
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer((sp, server) =>
        {
            var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            if (options.WorkerCount is { } workers) server.WorkerCount = workers;
            server.SchedulePollingInterval = options.SchedulePollingInterval;
        });
        services.AddSingleton<RecurringJobCatalog>();
        services.AddHostedService<RecurringJobSchedule>();
        services.AddHealthChecks().AddCheck<JobServerHealthCheck>("jobs");
        services.AddAuthorizationBuilder().AddPolicy(DashboardPolicy, p => p.RequireAuthenticatedUser()
            .AddAuthenticationSchemes(AccountsExtensions.CookieScheme));
        return builder;
    }

    /// <summary>The dashboard: anonymous visitors are sent to sign in; admins act, finance looks, others get 403.</summary>
    public static WebApplication MapJobs(this WebApplication app)
    {
        // Staff read the dashboard in Chinese whatever their browser asks for.
        Dashboard.ChineseDashboard.Install();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(DashboardPath), branch => branch.Use(Dashboard.ChineseDashboard.InChineseAsync));
        // Every act taken on the dashboard (a trigger, a retry, a deletion) is a POST under its path; each one that
        // was allowed goes into the security log with the page it was taken on.
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(DashboardPath) && await JobsDashboardGuard.RefusesAsync(http))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync(JobsDashboardGuard.RefusedMessage);
                return;
            }
            await next(http);
            if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.StartsWithSegments(DashboardPath, out var rest)
                && http.Response.StatusCode < 400 && http.User.Identity?.IsAuthenticated == true)
                await http.RequestServices.GetRequiredService<ISecurityEvents>()
                    .RecordAsync(SecurityAct.JobDashboardAction, rest.Value, http.Request.HasFormContentType ? JobsOf(http.Request.Form) : null);
        });
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new JobsDashboardAuthorization()],
            IsReadOnlyFunc = JobsDashboardAuthorization.IsReadOnly,
            DashboardTitle = "后台任务",
            AppPath = SiteRoot(app.Configuration),
            DisplayStorageConnectionString = false,
            DisplayNameFunc = (context, job) => context.GetHttpContext().RequestServices.GetRequiredService<RecurringJobCatalog>().DisplayName(job),
        }).RequireAuthorization(DashboardPolicy);
        return app;
    }

    /// <summary>
    /// The dashboard's "back to the site" link is one fixed string for every request, so under a proxy's prefix it is
    /// the public address's path (<c>Authority:PublicUrl</c> <c>https://host/subsidy</c> gives <c>/subsidy/</c>).
    /// </summary>
    internal static string SiteRoot(IConfiguration config) =>
        Uri.TryCreate(config["Authority:PublicUrl"], UriKind.Absolute, out var u) ? u.AbsolutePath.TrimEnd('/') + "/" : "/";

    // The dashboard posts the chosen jobs as jobs[]=id; the auditor sees which.
    private static string? JobsOf(IFormCollection form) =>
        form.TryGetValue("jobs[]", out var ids) && ids.Count > 0 ? "任务 " + string.Join("、", ids.Take(20)) : null;
}
