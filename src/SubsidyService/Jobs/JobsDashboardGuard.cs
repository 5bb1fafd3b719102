using System.Reflection;
using Hangfire;

namespace SubsidyService.Jobs;

/// <summary>
/// Admins act on the dashboard for maintenance only: a command (trigger, requeue, delete) naming a job whose class
/// is a <see cref="MoneyJobAttribute"/> job is refused 403 before the dashboard sees it. Recurring jobs are named by
/// their ids, background jobs by their numbers; both are looked up.
/// </summary>
public static class JobsDashboardGuard
{
    public const string RefusedMessage = "拨付类任务属于财务操作，请在“拨付批次”页面办理；后台任务页只能操作维护类任务。";

    public static async Task<bool> RefusesAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType) return false;
        var form = await http.Request.ReadFormAsync();
        if (!form.TryGetValue("jobs[]", out var ids)) return false;
        var recurring = http.RequestServices.GetServices<IRecurringJobRegistration>().ToDictionary(r => r.Id, r => r.JobType);
        var storage = http.RequestServices.GetRequiredService<JobStorage>();
        foreach (var id in ids.OfType<string>())
        {
            var type = recurring.TryGetValue(id, out var t) ? t : storage.GetMonitoringApi().JobDetails(id)?.Job?.Type;
            if (type?.GetCustomAttribute<MoneyJobAttribute>() is not null) return true;
        }
        return false;
    }
}
