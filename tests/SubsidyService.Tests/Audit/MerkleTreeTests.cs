using System.Security.Cryptography;
using FluentAssertions;
using SubsidyService.Audit;

namespace SubsidyService.Tests.Audit;

public sealed class MerkleTreeTests
{
    // The Certificate Transparency reference inputs and tree heads (RFC 6962 test data), sizes 0 to 8.
    private static readonly string[] Leaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    [Fact]
    public void Roots_match_the_published_tree_heads_for_every_size_up_to_eight()
    {
        for (var size = 0; size <= Leaves.Length; size++)
        {
            var tree = new MerkleTree();
            foreach (var leaf in Leaves.Take(size)) tree.AddLeaf(Convert.FromHexString(leaf));
            tree.RootHex().Should().Be(Roots[size], $"size {size}");
        }
    }

    [Fact]
    public void Built_leaf_by_leaf_it_equals_the_recursive_definition_for_every_size_up_to_130()
    {
        var random = new Random(6962);
        var data = Enumerable.Range(0, 130).Select(_ => RandomBytes(random)).ToList();
        var tree = new MerkleTree();
        Convert.ToHexString(tree.Root()).Should().Be(Convert.ToHexString(Reference(data.Take(0).ToList())));
        for (var n = 1; n <= data.Count; n++)
        {
            tree.AddLeaf(data[n - 1]);
            Convert.ToHexString(tree.Root()).Should().Be(Convert.ToHexString(Reference(data.Take(n).ToList())), $"size {n}");
        }
    }

    [Fact]
    public void Changing_removing_or_reordering_a_leaf_changes_the_root()
    {
        var data = Enumerable.Range(0, 11).Select(i => new[] { (byte)i }).ToList();
        var root = RootOf(data);
        RootOf(data.Select((d, i) => i == 7 ? new byte[] { 99 } : d).ToList()).Should().NotBe(root);
        RootOf(data.Take(10).ToList()).Should().NotBe(root);
        RootOf(data.Where((_, i) => i != 4).ToList()).Should().NotBe(root);
        RootOf(data.Select((d, i) => i == 2 ? data[3] : i == 3 ? data[2] : d).ToList()).Should().NotBe(root);
    }

    private static string RootOf(List<byte[]> data)
    {
        var tree = new MerkleTree();
        foreach (var d in data) tree.AddLeaf(d);
        return tree.RootHex();
    }

    /// <summary>RFC 6962 §2.1 as written: k is the largest power of two smaller than n.</summary>
    private static byte[] Reference(List<byte[]> d)
    {
        if (d.Count == 0) return SHA256.HashData([]);
        if (d.Count == 1) return SHA256.HashData([0, .. d[0]]);
        var k = 1;
        while (k * 2 < d.Count) k *= 2;
        return SHA256.HashData([1, .. Reference(d.Take(k).ToList()), .. Reference(d.Skip(k).ToList())]);
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 40)];
        random.NextBytes(bytes);
        return bytes;
    }
}
