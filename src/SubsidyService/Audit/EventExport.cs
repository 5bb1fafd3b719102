using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Audit;

/// <summary>
/// The auditors' export of the event log as CSV, streamed row by row. The export is itself an event, written
/// before the first row leaves: a download cut off halfway has still shown someone part of the log. Identity and
/// account numbers in reasons and data are masked unless the auditor asks for them in full, and that request is
/// an event of its own, so whoever saw them can be named later.
/// </summary>
public sealed class EventExport(NpgsqlDataSource db, EventLog events)
{
    public const string Trigger = "export_events";
    public const string FullTrigger = "export_events_full";

    private static readonly string[] Header =
        ["id", "claimId", "at", "actorId", "actor", "trigger", "from", "to", "reason", "data", "prevHash", "hash", "hashVersion"];

    public async Task WriteCsvAsync(HttpContext http, Actor actor, DateRange range, bool fullIdentities = false)
    {
        await RecordAsync(actor, range, fullIdentities);
        Func<string?, string?> shown = fullIdentities ? s => s : IdentityMask.Apply;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"events.csv\"";
        await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
        var rows = conn.QueryUnbufferedAsync<ChainedEvent>($"""
            SELECT {EventColumns.Select} FROM public.claim_events
            WHERE (@from::timestamptz IS NULL OR at >= @from) AND (@to::timestamptz IS NULL OR at < @to)
            ORDER BY id
            """, new { from = range.FromUtc, to = range.ToUtcExclusive });
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(true));
        await writer.WriteAsync(Csv.Row(Header));
        await foreach (var e in rows.WithCancellation(http.RequestAborted))
            await writer.WriteAsync(Csv.Row([e.Id.ToString(CultureInfo.InvariantCulture), e.ClaimId?.ToString(),
                e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), e.ActorId?.ToString(), e.Actor,
                e.Trigger, e.FromStatus, e.ToStatus, shown(e.Reason), shown(e.Data), e.PrevHash, e.Hash, e.HashVersion.ToString(CultureInfo.InvariantCulture)]));
    }

    private async Task RecordAsync(Actor actor, DateRange range, bool fullIdentities)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await events.AppendAsync(conn, tx, new NewEvent(null, actor.Id, actor.Label, fullIdentities ? FullTrigger : Trigger, null, null, null,
            new { from = range.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), to = range.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }));
        await tx.CommitAsync();
    }
}
