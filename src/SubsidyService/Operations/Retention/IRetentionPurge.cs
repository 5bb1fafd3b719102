namespace SubsidyService.Operations.Retention;

/// <summary>
/// One kind of data kept only for a while. The feature that owns the table answers (its retention setting, its SQL);
/// the nightly <see cref="DataPurgeJob"/> asks each in turn and records the counts, never the content.
/// </summary>
public interface IRetentionPurge
{
    /// <summary>The kind's name in the purge's record, e.g. <c>withdrawn_claim_evidence</c>.</summary>
    string Kind { get; }

    /// <summary>Removes what has passed its retention at <paramref name="now"/>, in small batches; returns how many items went.</summary>
    Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct);
}
