namespace SubsidyService.Audit;

/// <summary>
/// What verification found. <see cref="UnsealedEvents"/> are events no checkpoint covers yet: normal for
/// the newest ones, not a fault, but their chain is all that protects them until the next seal.
/// </summary>
public sealed record ChainReport(
    bool Ok, long CheckedEvents, long? FirstBrokenEventId, IReadOnlyList<AuditProblem> Problems,
    long UnsealedEvents, long CheckedCheckpoints, string? LastCheckpointHash);

/// <summary>One thing that no longer holds, and where.</summary>
public sealed record AuditProblem(string Kind, long? EventId, Guid? ClaimId, long? CheckpointId, string Detail);

public static class AuditProblemKinds
{
    /// <summary>The row's content no longer gives its stored hash: edited.</summary>
    public const string EventHashMismatch = "event_hash_mismatch";
    /// <summary>The row's previous hash is not that of the event before it in its chain: one was removed, inserted or re-hashed.</summary>
    public const string EventLinkBroken = "event_link_broken";
    /// <summary>A checkpoint sealed this event, and the row is gone.</summary>
    public const string EventMissing = "event_missing";
    /// <summary>The events a checkpoint lists no longer give its Merkle root (or its count).</summary>
    public const string CheckpointRootMismatch = "checkpoint_root_mismatch";
    /// <summary>The checkpoint's fields no longer give its stored hash.</summary>
    public const string CheckpointHashMismatch = "checkpoint_hash_mismatch";
    /// <summary>The checkpoint's previous hash is not that of the checkpoint before it.</summary>
    public const string CheckpointLinkBroken = "checkpoint_link_broken";
    /// <summary>Checkpoint ids count without gaps; some are missing.</summary>
    public const string CheckpointMissing = "checkpoint_missing";
    /// <summary>The MAC does not verify with the seal key: written by someone without the key.</summary>
    public const string CheckpointMacMismatch = "checkpoint_mac_mismatch";
}
