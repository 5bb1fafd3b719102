using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SubsidyService.Letters.Signing;

/// <summary>An indirect object's number and generation, as <c>N G R</c> names it.</summary>
internal readonly record struct PdfReference(int Number, int Generation)
{
    public override string ToString() => $"{Number} {Generation} R";
}

/// <summary>
/// Reads just enough of a PDF with a classic cross-reference table (what SkiaSharp writes) to append an update:
/// the trailer's /Root, /Size, /Info and /ID, the last startxref, and the dictionaries of the catalog and the first
/// page. PDFs with cross-reference streams are refused rather than guessed at: letters never have them.
/// </summary>
internal sealed partial class PdfObjectReader
{
    private readonly byte[] _pdf;
    private readonly Dictionary<int, (long Offset, int Generation)> _offsets = [];

    public PdfObjectReader(byte[] pdf)
    {
        _pdf = pdf;
        StartXref = ReadStartXref();
        var trailer = ReadXrefTable(StartXref);
        Root = Reference(trailer, "Root") ?? throw Unsupported("the trailer has no /Root");
        Info = Reference(trailer, "Info");
        Size = int.Parse(SizeKey().Match(trailer) is { Success: true } m ? m.Groups[1].Value : throw Unsupported("the trailer has no /Size"),
            CultureInfo.InvariantCulture);
        Id = IdKey().Match(trailer) is { Success: true } id ? id.Value : null;
    }

    /// <summary>Where the last cross-reference section starts: the update's /Prev.</summary>
    public long StartXref { get; }

    public int Size { get; }

    public PdfReference Root { get; }

    public PdfReference? Info { get; }

    /// <summary>The trailer's <c>/ID [&lt;…&gt; &lt;…&gt;]</c> as written, carried into the update unchanged.</summary>
    public string? Id { get; }

    /// <summary>The object's dictionary as written, from <c>&lt;&lt;</c> to its closing <c>&gt;&gt;</c>.</summary>
    public string Dictionary(PdfReference reference)
    {
        if (!_offsets.TryGetValue(reference.Number, out var entry) || entry.Generation != reference.Generation)
            throw Unsupported($"object {reference} is not in the cross-reference table");
        var text = Latin1(entry.Offset, Math.Min(_pdf.Length - entry.Offset, 64 * 1024));
        var header = ObjectHeader().Match(text);
        if (!header.Success || int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture) != reference.Number)
            throw Unsupported($"object {reference} is not where the table says");
        var start = header.Index + header.Length;
        var end = text.IndexOf("endobj", start, StringComparison.Ordinal);
        if (end < 0) throw Unsupported($"object {reference} has no endobj");
        var body = text[start..end].Trim();
        if (!body.StartsWith("<<", StringComparison.Ordinal) || !body.EndsWith(">>", StringComparison.Ordinal))
            throw Unsupported($"object {reference} is not a dictionary");
        return body;
    }

    /// <summary>The first page in reading order: the page tree walked down its first kids.</summary>
    public PdfReference FirstPage()
    {
        var node = Reference(Dictionary(Root), "Pages") ?? throw Unsupported("the catalog has no /Pages");
        for (var depth = 0; depth < 32; depth++)
        {
            var dictionary = Dictionary(node);
            if (PageType().IsMatch(dictionary)) return node;
            var kids = KidsKey().Match(dictionary);
            if (!kids.Success) throw Unsupported($"page tree node {node} has no /Kids");
            node = Parse(ReferenceValue().Match(kids.Groups[1].Value));
        }
        throw Unsupported("the page tree is deeper than any letter's");
    }

    public static PdfReference? Reference(string dictionary, string key)
    {
        var m = Regex.Match(dictionary, @"/" + key + @"\s+(\d+)\s+(\d+)\s+R\b");
        return m.Success ? Parse(m) : null;
    }

    private static PdfReference Parse(Match m) =>
        m.Success
            ? new PdfReference(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : throw Unsupported("a reference was expected");

    private long ReadStartXref()
    {
        var tailStart = Math.Max(0, _pdf.Length - 1024);
        var tail = Latin1(tailStart, _pdf.Length - tailStart);
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0) throw Unsupported("no startxref");
        var m = Number().Match(tail, at + "startxref".Length);
        if (!m.Success) throw Unsupported("startxref has no offset");
        var offset = long.Parse(m.Value, CultureInfo.InvariantCulture);
        if (offset <= 0 || offset >= _pdf.Length) throw Unsupported("startxref points outside the file");
        return offset;
    }

    /// <summary>Reads the table at <paramref name="offset"/> into <see cref="_offsets"/> and returns its trailer dictionary.</summary>
    private string ReadXrefTable(long offset)
    {
        var text = Latin1(offset, _pdf.Length - offset);
        if (!text.StartsWith("xref", StringComparison.Ordinal)) throw Unsupported("cross-reference streams are not supported");
        var trailerAt = text.IndexOf("trailer", StringComparison.Ordinal);
        if (trailerAt < 0) throw Unsupported("no trailer");
        var tokens = text[4..trailerAt].Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < tokens.Length;)
        {
            var first = int.Parse(tokens[i], CultureInfo.InvariantCulture);
            var count = int.Parse(tokens[i + 1], CultureInfo.InvariantCulture);
            i += 2;
            for (var n = 0; n < count; n++, i += 3)
            {
                if (tokens[i + 2] == "n")
                    _offsets[first + n] = (long.Parse(tokens[i], CultureInfo.InvariantCulture), int.Parse(tokens[i + 1], CultureInfo.InvariantCulture));
            }
        }
        var dictionaryStart = text.IndexOf("<<", trailerAt, StringComparison.Ordinal);
        var dictionaryEnd = text.IndexOf("startxref", trailerAt, StringComparison.Ordinal);
        if (dictionaryStart < 0 || dictionaryEnd < dictionaryStart) throw Unsupported("the trailer has no dictionary");
        var trailer = text[dictionaryStart..dictionaryEnd].Trim();
        if (PrevKey().IsMatch(trailer)) throw Unsupported("the file was already updated");
        return trailer;
    }

    private string Latin1(long offset, long length) => Encoding.Latin1.GetString(_pdf, checked((int)offset), checked((int)length));

    private static NotSupportedException Unsupported(string what) => new($"This PDF cannot be sealed: {what}.");

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\s*(\d+)\s+(\d+)\s+obj\b")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex SizeKey();

    [GeneratedRegex(@"/Prev\s+\d+")]
    private static partial Regex PrevKey();

    [GeneratedRegex(@"/ID\s*\[[^\]]*\]")]
    private static partial Regex IdKey();

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageType();

    [GeneratedRegex(@"/Kids\s*\[([^\]]*)\]")]
    private static partial Regex KidsKey();

    [GeneratedRegex(@"(\d+)\s+(\d+)\s+R\b")]
    private static partial Regex ReferenceValue();
}
