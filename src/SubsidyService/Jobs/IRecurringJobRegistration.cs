using Hangfire;

namespace SubsidyService.Jobs;

/// <summary>
/// A recurring job a feature contributes. Every node adds or updates each registration at start-up
/// (<see cref="RecurringJobSchedule"/>); Hangfire keeps one definition per id and fires each occurrence once
/// per cluster. Features usually call <see cref="RecurringJobsExtensions.AddRecurringJob{TJob}"/> rather than
/// implementing this themselves.
/// </summary>
public interface IRecurringJobRegistration
{
    /// <summary>Stable id: the dashboard shows it, tests trigger by it, <c>Jobs:Schedules:{Id}</c> overrides its cron.</summary>
    string Id { get; }

    /// <summary>The schedule when configuration names none (Hangfire cron; a sixth leading field means seconds).</summary>
    string Cron { get; }

    /// <summary>The class that runs; the dashboard guard reads its <see cref="MoneyJobAttribute"/>.</summary>
    Type JobType { get; }

    void AddOrUpdate(IRecurringJobManager jobs, string cron, RecurringJobOptions options);
}

/// <summary>The usual registration: <typeparamref name="TJob"/> is resolved from the node's services and run.</summary>
public sealed class RecurringJobRegistration<TJob>(string id, string cron) : IRecurringJobRegistration
    where TJob : IRecurringJob
{
    public string Id { get; } = id;
    public string Cron { get; } = cron;
    public Type JobType => typeof(TJob);

    // Hangfire replaces the CancellationToken argument with the server's own when it runs the job.
    public void AddOrUpdate(IRecurringJobManager jobs, string cron, RecurringJobOptions options) =>
        jobs.AddOrUpdate<TJob>(Id, job => job.RunAsync(CancellationToken.None), cron, options);
}

public static class RecurringJobsExtensions
{
    /// <summary>Runs <typeparamref name="TJob"/> on <paramref name="cron"/> (China time) on one node of the cluster.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron)
        where TJob : class, IRecurringJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton<IRecurringJobRegistration>(new RecurringJobRegistration<TJob>(id, cron));
        return services;
    }
}
