using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using SubsidyService.Kernel;

namespace SubsidyService.Audit;

/// <summary>A stored event as the chain sees it.</summary>
public sealed record ChainedEvent(
    long Id, Guid? ClaimId, DateTime At, Guid? ActorId, string Actor, string Trigger,
    string? FromStatus, string? ToStatus, string? Reason, string? Data, string PrevHash, string Hash, short HashVersion);

/// <summary>
/// The hash of an event: SHA-256 over the previous hash and the event's canonical content (fields in a
/// fixed order, the instant to the microsecond PostgreSQL keeps, data as the exact stored JSON text).
/// Version 1 (events written before the chains were per claim) has no version field; version 2 starts
/// with <c>"v":2</c> and its previous hash is the previous event of the same claim.
/// </summary>
public static class EventHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    public const short Current = 2;

    public static string Of(short version, long id, Guid? claimId, DateTime at, Guid? actorId, string actor, string trigger,
        string? from, string? to, string? reason, string? data, string prevHash)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (version != 1) w.WriteNumber("v", version);
            w.WriteNumber("id", id);
            w.WriteString("claimId", claimId?.ToString());
            w.WriteString("at", Instant(at));
            w.WriteString("actorId", actorId?.ToString());
            w.WriteString("actor", actor);
            w.WriteString("trigger", trigger);
            w.WriteString("from", from);
            w.WriteString("to", to);
            w.WriteString("reason", reason);
            w.WriteString("data", data);
            w.WriteString("prev", prevHash);
            w.WriteEndObject();
        }
        return Convert.ToHexString(SHA256.HashData(buffer.ToArray())).ToLowerInvariant();
    }

    public static string Of(ChainedEvent e) =>
        Of(e.HashVersion, e.Id, e.ClaimId, e.At, e.ActorId, e.Actor, e.Trigger, e.FromStatus, e.ToStatus, e.Reason, e.Data, e.PrevHash);

    /// <summary>PostgreSQL keeps microseconds; anything finer would not survive the round trip.</summary>
    public static DateTime TruncateToMicroseconds(DateTime t) =>
        new(t.Ticks - t.Ticks % 10, DateTimeKind.Utc);

    private static string Instant(DateTime t) =>
        TruncateToMicroseconds(t.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
