namespace SubsidyService.Claims.Documents;

/// <summary>
/// Tells the administrators that the day's upload budget is spent. Claims owns the question; Notifications answers
/// it (as it answers Payouts' <c>IPayoutNotices</c>). Once per day however often it is called.
/// </summary>
public interface IUploadBudgetAlerts
{
    Task BudgetSpentAsync(DateOnly day, long limitBytes);
}
