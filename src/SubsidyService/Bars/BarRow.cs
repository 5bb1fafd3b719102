namespace SubsidyService.Bars;

/// <summary>A bar as stored, with the names of the staff who added and lifted it.</summary>
public sealed class BarRow
{
    public Guid Id { get; init; }
    public string IdNumber { get; init; } = "";
    public string Reason { get; init; } = "";
    /// <summary>The last day barred (a date; Dapper reads it as a DateTime).</summary>
    public DateTime Until { get; init; }
    public DateOnly UntilDate => DateOnly.FromDateTime(Until);
    public Guid? RecoveryId { get; init; }
    public Guid CreatedBy { get; init; }
    public string CreatedByName { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public Guid? LiftedBy { get; init; }
    public string? LiftedByName { get; init; }
    public DateTime? LiftedAt { get; init; }
    public string? LiftReason { get; init; }

    /// <summary>Whether the bar still refuses submissions on <paramref name="today"/> (China time): to its last day inclusive.</summary>
    public bool StandsOn(DateOnly today) => LiftedAt is null && UntilDate >= today;
}
