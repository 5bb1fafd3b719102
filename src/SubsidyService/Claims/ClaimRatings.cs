using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>A claim's rating by its applicant (好差评).</summary>
public sealed record ClaimRating(int Score, string? Comment, string Outcome, DateTime RatedAt);

/// <summary>How the service was rated in a period: overall and by how the claim ended.</summary>
public sealed record RatingSummary(long Count, decimal? Average, IReadOnlyDictionary<int, long> ByScore,
    long PaidCount, decimal? PaidAverage, long RejectedCount, decimal? RejectedAverage);

/// <summary>
/// The applicant rates the service once a claim is done, paid or rejected: a score of 1 to 5 and a comment if they
/// wish, once per claim, only their own claim. Staff read the averages, never a rating beside the applicant's name.
/// </summary>
public sealed class ClaimRatings(NpgsqlDataSource db, TimeProvider clock)
{
    public const int MaxCommentLength = 500;
    private static readonly string[] Done = ["paid", "rejected"];

    public async Task<Refusal?> RateAsync(Actor applicant, Guid claimId, int? score, string? comment)
    {
        var errors = new Dictionary<string, string[]>();
        if (score is not (>= 1 and <= 5)) errors["score"] = ["请选择 1 至 5 分的评分。"];
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment?.Length > MaxCommentLength) errors["comment"] = [$"评价意见不能超过 {MaxCommentLength} 个字。"];
        if (errors.Count > 0) return Refusal.Validation(errors);

        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var status = await conn.QuerySingleOrDefaultAsync<string>(
            "SELECT status FROM claims WHERE id = @claimId AND applicant_id = @applicantId FOR SHARE", new { claimId, applicantId = applicant.Id }, tx);
        if (status is null) return Refusal.NotFound("该申请");
        if (!Done.Contains(status))
            return Refusal.Conflict("rating_not_open", "尚不能评价", "申请办结（已拨付或已驳回）后才能评价。");
        var inserted = await conn.ExecuteAsync("""
            INSERT INTO claim_ratings (claim_id, applicant_id, score, comment, outcome, rated_at)
            VALUES (@claimId, @applicantId, @score, @comment, @status, @now)
            ON CONFLICT (claim_id) DO NOTHING
            """, new { claimId, applicantId = applicant.Id, score = (short)score!.Value, comment, status, now = clock.GetUtcNow().UtcDateTime }, tx);
        if (inserted == 0) return Refusal.Conflict("already_rated", "已评价", "每项申请只能评价一次，您已评价过。");
        await tx.CommitAsync();
        return null;
    }

    public async Task<ClaimRating?> ForClaimAsync(Guid claimId)
    {
        await using var conn = await db.OpenConnectionAsync();
        var row = await conn.QuerySingleOrDefaultAsync<(short Score, string? Comment, string Outcome, DateTime RatedAt)?>(
            "SELECT score, comment, outcome, rated_at FROM claim_ratings WHERE claim_id = @claimId", new { claimId });
        return row is { } r ? new ClaimRating(r.Score, r.Comment, r.Outcome, DateTime.SpecifyKind(r.RatedAt, DateTimeKind.Utc)) : null;
    }

    /// <summary>The ratings given in [from, to).</summary>
    public async Task<RatingSummary> SummaryAsync(DateTime fromUtc, DateTime toUtcExclusive)
    {
        await using var conn = await db.OpenConnectionAsync();
        var rows = (await conn.QueryAsync<(string Outcome, short Score, long Count)>("""
            SELECT outcome, score, count(*) FROM claim_ratings WHERE rated_at >= @fromUtc AND rated_at < @toUtcExclusive
            GROUP BY outcome, score
            """, new { fromUtc, toUtcExclusive })).ToList();
        static decimal? Average(IEnumerable<(string Outcome, short Score, long Count)> rs)
        {
            var list = rs.ToList();
            var n = list.Sum(r => r.Count);
            return n == 0 ? null : Math.Round(list.Sum(r => (decimal)r.Score * r.Count) / n, 2, MidpointRounding.AwayFromZero);
        }
        var paid = rows.Where(r => r.Outcome == "paid").ToList();
        var rejected = rows.Where(r => r.Outcome == "rejected").ToList();
        return new RatingSummary(rows.Sum(r => r.Count), Average(rows),
            Enumerable.Range(1, 5).ToDictionary(s => s, s => rows.Where(r => r.Score == s).Sum(r => r.Count)),
            paid.Sum(r => r.Count), Average(paid), rejected.Sum(r => r.Count), Average(rejected));
    }
}
