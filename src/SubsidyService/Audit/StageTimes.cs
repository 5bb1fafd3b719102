using Dapper;
using Npgsql;

namespace SubsidyService.Audit;

/// <summary>How long one stage of processing took over the claims that went through it: working days, median and 90th percentile.</summary>
public sealed record StageTime(string Stage, long Count, double Median, double P90);

/// <summary>
/// Working-day counts as the calendar gives them, for the dates of a range: <c>Ordinals[i]</c> is how many working
/// days fall after <c>Days[0]</c> up to and including <c>Days[i]</c>, so the working days after a date up to another
/// are the difference of their ordinals (WorkingDayCalendar.WorkingDaysBetween), which the database takes by a join.
/// </summary>
public sealed record WorkingDayOrdinals(DateOnly[] Days, int[] Ordinals);

/// <summary>
/// Processing times read from the claims' own history: for each claim first submitted in the period, its first
/// <c>submit</c> and its last <c>verify</c>, <c>approve</c> and <c>payment_succeeded</c>, and the working days between
/// them, with median and 90th percentile by percentile_cont, all in PostgreSQL. The period's submissions come from the
/// index on the events' time, each claim's other events from the index on (claim_id, id).
/// </summary>
public sealed class StageTimes(NpgsqlDataSource db)
{
    public static readonly string[] Stages = ["submittedToVerified", "verifiedToApproved", "approvedToPaid", "submittedToPaid"];

    internal const string Sql = """
        WITH cal AS (SELECT * FROM unnest(@days::date[], @ordinals::int[]) AS c(day, n)),
        submitted AS (
            SELECT e.claim_id, min(e.at) AS at
            FROM claim_events e
            WHERE e.trigger = 'submit' AND e.at >= @from AND e.at < @to AND e.claim_id IS NOT NULL
            GROUP BY e.claim_id
            -- a claim submitted before the period too (sent back for supplement) is not the period's; a scalar
            -- subquery per claim, read by (claim_id, id), where an anti-join would read every earlier submission
            HAVING (SELECT min(p.at) FROM claim_events p WHERE p.claim_id = e.claim_id AND p.trigger = 'submit') >= @from),
        stages AS (
            SELECT s.at AS submitted, x.verified, x.approved, x.paid
            FROM submitted s, LATERAL (
                SELECT max(v.at) FILTER (WHERE v.trigger = 'verify') AS verified,
                       max(v.at) FILTER (WHERE v.trigger = 'approve') AS approved,
                       max(v.at) FILTER (WHERE v.trigger = 'payment_succeeded') AS paid
                FROM claim_events v WHERE v.claim_id = s.claim_id AND v.trigger IN ('verify', 'approve', 'payment_succeeded')) x),
        pairs AS (
            SELECT 'submittedToVerified' AS stage, submitted AS a, verified AS b FROM stages WHERE verified IS NOT NULL
            UNION ALL SELECT 'verifiedToApproved', verified, approved FROM stages WHERE verified IS NOT NULL AND approved IS NOT NULL
            UNION ALL SELECT 'approvedToPaid', approved, paid FROM stages WHERE approved IS NOT NULL AND paid IS NOT NULL
            UNION ALL SELECT 'submittedToPaid', submitted, paid FROM stages WHERE paid IS NOT NULL),
        days AS (
            SELECT p.stage, greatest(cb.n - ca.n, 0) AS d
            FROM pairs p
            JOIN cal ca ON ca.day = ((p.a AT TIME ZONE 'UTC') + interval '8 hours')::date
            JOIN cal cb ON cb.day = ((p.b AT TIME ZONE 'UTC') + interval '8 hours')::date)
        SELECT stage, count(*) AS count,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY d) AS median,
               percentile_cont(0.9) WITHIN GROUP (ORDER BY d) AS p90
        FROM days GROUP BY stage
        """;

    /// <summary>Each stage with at least one claim that went through it; <paramref name="calendar"/> covers every date involved.</summary>
    public async Task<IReadOnlyList<StageTime>> OfClaimsSubmittedBetweenAsync(DateTime fromUtc, DateTime toUtcExclusive, WorkingDayOrdinals calendar,
        CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = (await conn.QueryAsync<StageTime>(new CommandDefinition(Sql,
            new { from = fromUtc, to = toUtcExclusive, days = calendar.Days, ordinals = calendar.Ordinals }, cancellationToken: ct))).ToList();
        return rows.OrderBy(r => Array.IndexOf(Stages, r.Stage)).ToList();
    }
}
