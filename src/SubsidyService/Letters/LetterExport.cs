using System.Globalization;
using System.IO.Compression;
using System.Text;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Letters;

/// <summary>
/// The auditors' export: every letter issued in a range as its stored PDF, with a register (CSV and .xlsx)
/// giving each one's SHA-256. The ZIP is built in a temporary file, since the letters of a year do not fit
/// in memory, and the export itself is recorded in the event log.
/// </summary>
public sealed class LetterExport(NpgsqlDataSource db, EventLog events)
{
    private static readonly string[] Header = ["number", "kind", "claim", "applicant", "amount", "issuedAt", "sha256", "revokedAt"];

    public async Task WriteZipAsync(HttpContext http, Actor actor, DateRange range)
    {
        var path = Path.GetTempFileName();
        try
        {
            var count = await BuildAsync(path, range, http.RequestAborted);
            await RecordAsync(actor, range, count);
            http.Response.ContentType = "application/zip";
            http.Response.Headers.ContentDisposition =
                $"attachment; filename=\"letters-{range.From?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "all"}-{range.To?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "all"}.zip\"";
            await using var file = File.OpenRead(path);
            http.Response.ContentLength = file.Length;
            await file.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<int> BuildAsync(string path, DateRange range, CancellationToken ct)
    {
        var register = new List<string?[]>();
        await using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var bytesConn = await db.OpenConnectionAsync(ct);
            await foreach (var letter in LetterStore.IssuedBetweenAsync(conn, range.FromUtc, range.ToUtcExclusive).WithCancellation(ct))
            {
                var pdf = await LetterStore.PdfAsync(bytesConn, letter.Id);
                var entry = zip.CreateEntry("letters/" + LetterEndpoints.FileNameOf(letter), CompressionLevel.Fastest);
                await using (var s = entry.Open()) await s.WriteAsync(pdf, ct);
                register.Add([letter.Number, letter.Kind, letter.ClaimId.ToString(), letter.ApplicantName, Invariant.Money(letter.Amount),
                    Instant(letter.IssuedAt), letter.Sha256, letter.RevokedAt is { } r ? Instant(r) : null]);
            }
            await using (var csv = new StreamWriter(zip.CreateEntry("register.csv").Open(), new UTF8Encoding(true)))
            {
                await csv.WriteAsync(Csv.Row(Header));
                foreach (var row in register) await csv.WriteAsync(Csv.Row(row));
            }
            await using (var xlsx = zip.CreateEntry("register.xlsx").Open())
            {
                using var buffer = new MemoryStream();
                XlsxWriter.Write(buffer, "register", Header, register);
                buffer.Position = 0;
                await buffer.CopyToAsync(xlsx, ct);
            }
        }
        return register.Count;
    }

    private async Task RecordAsync(Actor actor, DateRange range, int count)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await events.AppendAsync(conn, tx, new NewEvent(null, actor.Id, actor.Label, "export_letters", null, null, null,
            new { from = range.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = range.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), letters = count }));
        await tx.CommitAsync();
    }

    private static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
