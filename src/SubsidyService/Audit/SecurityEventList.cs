using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Audit;

/// <summary>One security event as the auditor reads it.</summary>
public sealed record SecurityEventRow(long Id, DateTime At, string Act, Guid? ActorId, string Actor, string Role,
    string? Client, string? Subject, string? Detail, string Hash);

/// <summary>
/// The security events of a date range: the acts <see cref="SecurityLog"/> records, and the staff acts that were
/// already events of no claim before it (calendar, bars, register imports, exports), whose role is read from the
/// account and whose address was not kept. Both come from the chained log, so <c>/audit/verify</c> covers them.
/// </summary>
public sealed class SecurityEventList(NpgsqlDataSource db, ISecurityEvents log)
{
    private static readonly string[] Header = ["id", "at", "act", "actorId", "actor", "role", "clientAddress", "subject", "detail", "hash"];

    private sealed record Row(long Id, DateTime At, string Trigger, Guid? ActorId, string Actor, string? Reason, string? Data, string Hash, string? AccountRole);

    /// <summary>The newest first, at most <paramref name="limit"/>; the page's view.</summary>
    public async Task<IReadOnlyList<SecurityEventRow>> ListAsync(DateRange range, int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rows = await conn.QueryAsync<Row>(Sql("ORDER BY e.id DESC LIMIT @limit"),
            new { from = range.FromUtc, to = range.ToUtcExclusive, limit });
        return rows.Select(Of).ToList();
    }

    /// <summary>Streams the range oldest first as CSV; the export is itself a security event, recorded before the first row.</summary>
    public async Task WriteCsvAsync(HttpContext http, DateRange range)
    {
        await log.RecordAsync(SecurityAct.SecurityEventsExported, detail: $"{range.From:yyyy-MM-dd}～{range.To:yyyy-MM-dd}");
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"security-events.csv\"";
        await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
        var rows = conn.QueryUnbufferedAsync<Row>(Sql("ORDER BY e.id"), new { from = range.FromUtc, to = range.ToUtcExclusive });
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(true));
        await writer.WriteAsync(Csv.Row(Header));
        await foreach (var r in rows.WithCancellation(http.RequestAborted))
        {
            var e = Of(r);
            await writer.WriteAsync(Csv.Row([e.Id.ToString(CultureInfo.InvariantCulture),
                e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), e.Act, e.ActorId?.ToString(), e.Actor,
                e.Role, e.Client, e.Subject, e.Detail, e.Hash]));
        }
    }

    // Events of no claim only: the partial index claim_events_unclaimed keeps this off the claims' events.
    private static string Sql(string tail) => $"""
        SELECT e.id, e.at, e.trigger, e.actor_id AS actorid, e.actor, e.reason, e.data::text AS data, e.hash, u.role AS accountrole
        FROM public.claim_events e LEFT JOIN public.users u ON u.id = e.actor_id
        WHERE e.claim_id IS NULL
          AND (@from::timestamptz IS NULL OR e.at >= @from) AND (@to::timestamptz IS NULL OR e.at < @to)
        {tail}
        """;

    private static SecurityEventRow Of(Row r)
    {
        var recorded = SecurityLog.Acts.Contains(r.Trigger) && r.Data is not null
            ? JsonSerializer.Deserialize<SecurityEventData>(r.Data, EventJson.Options)
            : null;
        return new SecurityEventRow(r.Id, DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.Trigger, r.ActorId, r.Actor,
            recorded?.Role ?? r.AccountRole ?? "system", recorded?.Client, recorded?.Subject, recorded?.Detail ?? r.Reason, r.Hash);
    }
}
