namespace SubsidyService.Audit;

internal static class EventColumns
{
    /// <summary>Aliased to the constructor parameters of <see cref="ChainedEvent"/>, in their order.</summary>
    public const string Select = """
        id, claim_id AS claimid, at, actor_id AS actorid, actor, trigger, from_status AS fromstatus,
        to_status AS tostatus, reason, data::text AS data, prev_hash AS prevhash, hash, hash_version AS hashversion
        """;
}
