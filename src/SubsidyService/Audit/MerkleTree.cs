using System.Security.Cryptography;

namespace SubsidyService.Audit;

/// <summary>
/// The Merkle tree hash of RFC 6962 §2.1 (leaf = SHA-256(0x00 || data), node = SHA-256(0x01 || left || right),
/// the left subtree the largest power of two smaller than the whole), built leaf by leaf: only the
/// completed subtrees along the right edge are kept, one per binary digit of the count, so a checkpoint of
/// a million events needs a few dozen hashes of memory.
/// </summary>
public sealed class MerkleTree
{
    private readonly List<(long Size, byte[] Hash)> _edge = [];

    public long Count { get; private set; }

    public void AddLeaf(ReadOnlySpan<byte> data) => AddLeafHash(LeafHash(data));

    public void AddLeafHash(byte[] hash)
    {
        long size = 1;
        // Two completed subtrees of equal size are the two halves of the next one.
        while (_edge.Count > 0 && _edge[^1].Size == size)
        {
            hash = NodeHash(_edge[^1].Hash, hash);
            _edge.RemoveAt(_edge.Count - 1);
            size *= 2;
        }
        _edge.Add((size, hash));
        Count++;
    }

    /// <summary>The root: the completed subtrees joined right to left, as the split rule nests them.</summary>
    public byte[] Root()
    {
        if (_edge.Count == 0) return SHA256.HashData([]);
        var hash = _edge[^1].Hash;
        for (var i = _edge.Count - 2; i >= 0; i--) hash = NodeHash(_edge[i].Hash, hash);
        return hash;
    }

    public string RootHex() => Convert.ToHexString(Root()).ToLowerInvariant();

    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        var buffer = new byte[1 + data.Length];
        data.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + left.Length + right.Length];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + left.Length)..]);
        return SHA256.HashData(buffer);
    }
}
