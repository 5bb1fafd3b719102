using System.IO.Compression;
using System.Text;

namespace SubsidyService.Claims.Documents;

/// <summary>
/// Finds what makes a PDF act rather than show: scripts, actions run on opening, launched programs, embedded
/// files and XFA forms. Name tokens are read as PDF spells them (<c>/J#53</c> is <c>/JS</c>), in the file's own
/// dictionaries and inside Flate-compressed object streams, where a PDF may hide its dictionaries.
/// </summary>
public static class PdfActiveContent
{
    /// <summary>The name found, with what it does in words a person understands.</summary>
    private static readonly Dictionary<string, string> Active = new(StringComparer.Ordinal)
    {
        ["JavaScript"] = "JavaScript 脚本", ["JS"] = "JavaScript 脚本", ["OpenAction"] = "打开时自动执行的动作（OpenAction）",
        ["Launch"] = "启动外部程序的动作（Launch）", ["EmbeddedFile"] = "内嵌文件（EmbeddedFile）", ["EmbeddedFiles"] = "内嵌文件（EmbeddedFiles）",
        ["XFA"] = "XFA 动态表单",
    };

    /// <summary>Object streams inflated at most to this many bytes in all, so a compression bomb costs nothing.</summary>
    private const int MaxInflatedBytes = 64 * 1024 * 1024;

    /// <summary>The first active element found, in Chinese; null when there is none.</summary>
    public static string? Find(byte[] pdf)
    {
        if (FindIn(pdf) is { } found) return found;
        var budget = MaxInflatedBytes;
        foreach (var inflated in ObjectStreams(pdf, budget))
        {
            budget -= inflated.Length;
            if (FindIn(inflated) is { } hidden) return hidden;
            if (budget <= 0) break;
        }
        return null;
    }

    private static string? FindIn(ReadOnlySpan<byte> data)
    {
        var name = new StringBuilder();
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != (byte)'/') continue;
            name.Clear();
            var j = i + 1;
            while (j < data.Length && IsNameByte(data[j]) && name.Length < 64)
            {
                if (data[j] == (byte)'#' && j + 2 < data.Length && IsHex(data[j + 1]) && IsHex(data[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(data.Slice(j + 1, 2)), 16));
                    j += 3;
                    continue;
                }
                name.Append((char)data[j]);
                j++;
            }
            if (Active.TryGetValue(name.ToString(), out var what)) return what;
            i = j - 1;
        }
        return null;
    }

    /// <summary>The inflated bytes of each stream whose dictionary says <c>/Type /ObjStm</c> and <c>/FlateDecode</c>.</summary>
    private static IEnumerable<byte[]> ObjectStreams(byte[] pdf, int budget)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var at = 0;
        while ((at = text.IndexOf("stream", at, StringComparison.Ordinal)) >= 0)
        {
            var dictStart = text.LastIndexOf("<<", at, Math.Min(at, 4096), StringComparison.Ordinal);
            var isObjectStream = dictStart >= 0 && text.IndexOf("ObjStm", dictStart, at - dictStart, StringComparison.Ordinal) >= 0 &&
                text.IndexOf("FlateDecode", dictStart, at - dictStart, StringComparison.Ordinal) >= 0 &&
                (at < 3 || text[(at - 3)..at] != "end");
            var start = at + "stream".Length;
            if (start < text.Length && text[start] == '\r') start++;
            if (start < text.Length && text[start] == '\n') start++;
            var end = text.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0) yield break;
            if (isObjectStream && Inflate(pdf, start, end - start, budget) is { } inflated) yield return inflated;
            at = end + "endstream".Length;
        }
    }

    private static byte[]? Inflate(byte[] pdf, int offset, int count, int budget)
    {
        try
        {
            using var input = new ZLibStream(new MemoryStream(pdf, offset, count), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer)) > 0 && output.Length < budget) output.Write(buffer, 0, read);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool IsNameByte(byte b) => b > 32 && b < 127 && "/()<>[]{}%".IndexOf((char)b) < 0;

    private static bool IsHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
}
