using System.IO.Compression;
using System.Text;
using SubsidyService.Tests.Claims;

namespace SubsidyService.Tests.Security;

/// <summary>Spreadsheets built to hurt a reader: a cell a billion columns to the right, a part that inflates a thousandfold.</summary>
public static class XlsxBomb
{
    private static readonly string[] Header = ["source", "level", "recipientName", "recipientId", "caseNumber", "amount", "awardedOn", "programme"];

    public static byte[] WithCellReference(string reference) => Rewrite(zip =>
    {
        var sheet = zip.Entries.Single(e => e.FullName.Contains("worksheets/"));
        string xml;
        using (var reader = new StreamReader(sheet.Open())) xml = reader.ReadToEnd();
        var name = sheet.FullName;
        sheet.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(xml.Replace("r=\"A1\"", $"r=\"{reference}\""));
    });

    /// <summary>
    /// The sheet rewritten with no r= on any cell, a data row of <paramref name="values"/>, and then
    /// <paramref name="emptyCells"/> empty &lt;c/&gt; in rows of sixteen, stored uncompressed (so no ratio check sees it).
    /// </summary>
    public static byte[] WithoutReferences(string[] values, int emptyCells) => Rewrite(zip =>
    {
        var sheet = zip.Entries.Single(e => e.FullName.Contains("worksheets/"));
        string xml;
        using (var reader = new StreamReader(sheet.Open())) xml = reader.ReadToEnd();
        var name = sheet.FullName;
        sheet.Delete();
        xml = System.Text.RegularExpressions.Regex.Replace(xml, " r=\"[A-Z]+[0-9]+\"", "");
        var data = new StringBuilder("<x:row>");
        foreach (var v in values) data.Append("<x:c t=\"inlineStr\"><x:is><x:t>").Append(System.Security.SecurityElement.Escape(v)).Append("</x:t></x:is></x:c>");
        data.Append("</x:row><x:row>");
        // Sixteen to a row: within the column bound, so only the count of cells can stop them.
        for (var i = 0; i < emptyCells; i++) data.Append(i > 0 && i % 16 == 0 ? "</x:row><x:row><x:c/>" : "<x:c/>");
        data.Append("</x:row></x:sheetData>");
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open(), new UTF8Encoding(false));
        writer.Write(xml.Replace("</x:sheetData>", data.ToString()));
    });

    public static byte[] Inflating(int bytes) => Rewrite(zip =>
    {
        using var stream = zip.CreateEntry("xl/padding.bin", CompressionLevel.SmallestSize).Open();
        stream.Write(new byte[bytes]);
    });

    private static byte[] Rewrite(Action<ZipArchive> change)
    {
        var stream = new MemoryStream();
        stream.Write(Xlsx.Build(Header));
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        return stream.ToArray();
    }
}
