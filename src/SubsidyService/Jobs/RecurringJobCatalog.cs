using System.Reflection;
using Hangfire.Common;
using Microsoft.Extensions.Options;

namespace SubsidyService.Jobs;

/// <summary>One recurring job as staff see it: its name, what it does, when it runs (the configured schedule).</summary>
public sealed record RecurringJobInfo(string Id, string Name, string Purpose, string Cron, string Schedule, bool MovesMoney);

/// <summary>
/// The recurring jobs registered in this node, described from their <see cref="JobDescriptionAttribute"/> and the
/// schedule in force (<c>Jobs:Schedules</c> over the job's own): the admin page's list and the dashboard's job names.
/// </summary>
public sealed class RecurringJobCatalog(IEnumerable<IRecurringJobRegistration> registrations, IOptions<JobsOptions> options)
{
    public IReadOnlyList<RecurringJobInfo> All() => registrations
        .Select(r =>
        {
            var cron = CronOf(r);
            var (name, purpose) = Describe(r.JobType);
            return new RecurringJobInfo(r.Id, name, purpose, cron, CronText.Describe(cron), r.JobType.GetCustomAttribute<MoneyJobAttribute>() is not null);
        })
        .OrderBy(j => j.Id, StringComparer.Ordinal)
        .ToList();

    public string CronOf(IRecurringJobRegistration registration) =>
        options.Value.Schedules.TryGetValue(registration.Id, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured
            : registration.Cron;

    /// <summary>The dashboard's name for a job: its Chinese name, with its schedule when it is a recurring one.</summary>
    public string DisplayName(Job job)
    {
        var (name, _) = Describe(job.Type);
        var registration = registrations.FirstOrDefault(r => r.JobType == job.Type);
        return registration is null ? name : $"{name}（{CronText.Describe(CronOf(registration))}）";
    }

    public static (string Name, string Purpose) Describe(Type type) =>
        type.GetCustomAttribute<JobDescriptionAttribute>() is { } d ? (d.Name, d.Purpose) : (type.Name, "");
}
