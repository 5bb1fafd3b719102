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
