using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SubsidyService.Audit;

/// <summary>A stored checkpoint: the events it seals are those listed for it in audit_checkpoint_events.</summary>
public sealed record CheckpointRow(long Id, DateTime SealedAt, int EventCount, string MerkleRoot, string PrevHash, string Hash, string Mac)
{
    public const string Columns = "id, sealed_at AS sealedat, event_count AS eventcount, merkle_root AS merkleroot, prev_hash AS prevhash, hash, mac";
}

/// <summary>How a checkpoint and its leaves are hashed; the sealer and the verifier both use this and nothing else.</summary>
public static class Checkpoint
{
    /// <summary>The leaf of one event: its id (8 bytes, big-endian) then its stored hash (64 hex digits, ASCII).</summary>
    public static byte[] Leaf(long eventId, string eventHash)
    {
        var hash = Encoding.ASCII.GetBytes(eventHash);
        var leaf = new byte[8 + hash.Length];
        BinaryPrimitives.WriteInt64BigEndian(leaf, eventId);
        hash.CopyTo(leaf, 8);
        return leaf;
    }

    /// <summary>What the hash and the MAC are taken over: one field a line, in a fixed order.</summary>
    public static string Content(long id, DateTime sealedAt, int eventCount, string merkleRoot, string prevHash) =>
        string.Join('\n', "subsidy-audit-checkpoint/1", id.ToString(CultureInfo.InvariantCulture),
            EventHash.TruncateToMicroseconds(sealedAt.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            eventCount.ToString(CultureInfo.InvariantCulture), merkleRoot, prevHash);

    public static string Content(CheckpointRow c) => Content(c.Id, c.SealedAt, c.EventCount, c.MerkleRoot, c.PrevHash);

    public static string Hash(string content) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();
}
