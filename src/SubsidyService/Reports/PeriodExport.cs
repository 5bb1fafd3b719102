using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;
using SubsidyService.Operations;
using SubsidyService.Payouts;

namespace SubsidyService.Reports;

/// <summary>
/// The auditors' export of a period for the province: one line per claim first submitted in the period, with its
/// latest payment, identity and account numbers masked. Claims are read row by row and their payments asked of
/// Payouts a chunk at a time, so memory holds one chunk whatever the period. The export is an event in the chained
/// log, written before the first row leaves. XLSX (the default) is built in a temporary file, CSV streamed.
/// </summary>
public sealed class PeriodExport(NpgsqlDataSource db, EventLog events)
{
    public const string Trigger = "export_report";
    public const int ChunkSize = 500;

    public static readonly string[] Header =
    [
        "claimId", "status", "applicantType", "applicantName", "idNumber", "caseNumber", "caseType", "tier", "amount", "policyVersion",
        "submittedAt", "verifiedAt", "approvedAt", "letterNumber",
        "paymentReference", "paymentState", "paymentAmount", "bankName", "accountNumber", "paymentCreatedAt", "paymentSettledAt",
    ];

    public async Task WriteAsync(HttpContext http, Actor actor, ReportPeriod period, bool csv)
    {
        await RecordAsync(actor, period, csv ? "csv" : "xlsx");
        var name = $"report-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}";
        var ct = http.RequestAborted;
        if (csv)
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.csv\"";
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(true));
            await writer.WriteAsync(Csv.Row(Header));
            await foreach (var row in RowsAsync(period, ct))
                await writer.WriteAsync(Csv.Row(row.Select(v => v switch { decimal d => Invariant.Money(d), _ => v?.ToString() })));
            return;
        }
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(path))
                await XlsxWriter.WriteAsync(file, [new XlsxSheet("申请与拨付", Header, RowsAsync(period, ct))], ct);
            http.Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}.xlsx\"";
            await using var read = File.OpenRead(path);
            http.Response.ContentLength = read.Length;
            await read.CopyToAsync(http.Response.Body, ct);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var paymentsConn = await db.OpenConnectionAsync(ct);
        var chunk = new List<PeriodClaimRow>(ChunkSize);
        await foreach (var claim in PeriodClaims.SubmittedBetween(conn, period.FromUtc, period.ToUtcExclusive).WithCancellation(ct))
        {
            chunk.Add(claim);
            if (chunk.Count < ChunkSize) continue;
            foreach (var row in await LinesAsync(paymentsConn, chunk)) yield return row;
            chunk.Clear();
        }
        foreach (var row in await LinesAsync(paymentsConn, chunk)) yield return row;
    }

    private static async Task<List<IReadOnlyList<object?>>> LinesAsync(NpgsqlConnection conn, List<PeriodClaimRow> claims)
    {
        if (claims.Count == 0) return [];
        var payments = await ClaimPayments.LatestOfAsync(conn, claims.Select(c => c.Id).ToArray());
        return claims.Select(c => Line(c, payments.GetValueOrDefault(c.Id))).ToList();
    }

    private static IReadOnlyList<object?> Line(PeriodClaimRow c, ClaimPayment? p) =>
    [
        c.Id.ToString(), c.Status, c.ApplicantType, c.ApplicantName, Masking.KeepEnds(c.IdNumber), c.CaseNumber, c.CaseType, c.Tier, c.Amount,
        c.PolicyVersion, Instant(c.SubmittedAt), Instant(c.VerifiedAt), Instant(c.ApprovedAt), c.LetterNumber,
        p?.Reference, p?.State, p?.Amount, p?.BankName, p is null ? null : Masking.KeepEnds(p.AccountNumber), Instant(p?.CreatedAt), Instant(p?.SettledAt),
    ];

    private static string? Instant(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private async Task RecordAsync(Actor actor, ReportPeriod period, string format)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await events.AppendAsync(conn, tx, new NewEvent(null, actor.Id, actor.Label, Trigger, null, null, null,
            new { from = Invariant.Date(period.From), to = Invariant.Date(period.To), format }));
        await tx.CommitAsync();
    }
}
