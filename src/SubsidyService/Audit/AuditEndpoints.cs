using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Auditor);

        audit.MapGet("/verify", async (EventChainVerifier verifier, CancellationToken ct) => Results.Ok(await verifier.VerifyAsync(ct)))
            .Produces<ChainReport>()
            .WithSummary("Recompute every claim's hash chain and every sealed checkpoint; names what broke and counts the events not sealed yet");

        audit.MapGet("/events", async (HttpContext http, NpgsqlDataSource db, [FromQuery] string? from, [FromQuery] string? to) =>
        {
            if (!TryDate(from, out var fromDate)) return Refusal.Validation("from", "起始日期须为 YYYY-MM-DD。");
            if (!TryDate(to, out var toDate)) return Refusal.Validation("to", "截止日期须为 YYYY-MM-DD。");
            await WriteEventsCsvAsync(http, db, fromDate, toDate);
            return Results.Empty;
        })
        .Produces(StatusCodes.Status200OK, contentType: "text/csv")
        .ProducesValidationProblem()
        .WithSummary("Every recorded event in the range (China dates, inclusive) as CSV");
    }

    /// <summary>
    /// Writes the events of a range of China dates (both ends inclusive, either open) as CSV to the response;
    /// the API and the auditors' page both call it.
    /// </summary>
    public static async Task WriteEventsCsvAsync(HttpContext http, NpgsqlDataSource db, DateOnly? fromDate, DateOnly? toDate)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"events.csv\"";
        await using var conn = await db.OpenConnectionAsync(http.RequestAborted);
        // Dates are China dates, the day boundaries at 00:00 UTC+8.
        var rows = conn.QueryUnbufferedAsync<ChainedEvent>($"""
            SELECT {EventColumns.Select} FROM claim_events
            WHERE (@from::timestamptz IS NULL OR at >= @from) AND (@to::timestamptz IS NULL OR at < @to)
            ORDER BY id
            """, new { from = Start(fromDate), to = Start(toDate?.AddDays(1)) });
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(true));
        await writer.WriteAsync(Csv.Row(["id", "claimId", "at", "actorId", "actor", "trigger", "from", "to", "reason", "data", "prevHash", "hash", "hashVersion"]));
        await foreach (var e in rows.WithCancellation(http.RequestAborted))
            await writer.WriteAsync(Csv.Row([e.Id.ToString(CultureInfo.InvariantCulture), e.ClaimId?.ToString(),
                e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture), e.ActorId?.ToString(), e.Actor,
                e.Trigger, e.FromStatus, e.ToStatus, e.Reason, e.Data, e.PrevHash, e.Hash, e.HashVersion.ToString(CultureInfo.InvariantCulture)]));
    }

    private static bool TryDate(string? s, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(s)) return true;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private static DateTime? Start(DateOnly? day) =>
        day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime : null;
}
