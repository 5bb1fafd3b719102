namespace SubsidyService.Pages.Finance.Claims;

/// <summary>What the finance bureau's action panels post; kept to show again in the panel that was refused.</summary>
public sealed class FinanceInput
{
    public int Version { get; set; }
    public string? Reason { get; set; }
    public string? ReasonCode { get; set; }
}
