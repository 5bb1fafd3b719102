namespace SubsidyService.Jobs;

/// <summary>
/// A job that moves money (a payout batch, the bank's settlement, the scheduled payout): finance's to start from its
/// own pages, so the job dashboard lets no one trigger, retry or delete it (<see cref="JobsDashboardGuard"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MoneyJobAttribute : Attribute;
