using Dapper;
using Npgsql;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Screening;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>The claims in their public notice: the page that lists them and the sweep that ends the notice.</summary>
public static class ClaimNotices
{
    /// <summary>Claims whose public notice ended before <paramref name="today"/>, oldest first (uses claims_notice_due).</summary>
    public static async Task<IReadOnlyList<Guid>> NoticeEndedAsync(NpgsqlConnection conn, DateOnly today, int limit) =>
        (await conn.QueryAsync<Guid>("""
            SELECT id FROM claims WHERE status = 'in_public_notice' AND notice_ends_on < @today::date
            ORDER BY notice_ends_on, id LIMIT @limit
            """, new { today = today.ToDateTime(TimeOnly.MinValue), limit })).ToList();

    /// <summary>
    /// The public notice, newest first: walks claims_notice_due (partial on in_public_notice) backwards, so
    /// a page costs its own rows whatever the size of the table. The notice's end follows its approval by
    /// the same number of working days, so the latest end is the latest approval.
    /// </summary>
    public const string PublicNoticeSql = """
        SELECT id, applicant_type AS applicanttype, applicant_name AS applicantname, case_number AS casenumber, amount,
               approved_at AS approvedat, notice_ends_on AS noticeendson
        FROM claims WHERE status = 'in_public_notice'
        ORDER BY notice_ends_on DESC, approved_at DESC, id DESC
        LIMIT @limit OFFSET @offset
        """;

    public static async Task<IReadOnlyList<NoticeEntry>> PublicNoticeAsync(NpgsqlConnection conn, int offset, int limit) =>
        (await conn.QueryAsync<NoticeEntry>(PublicNoticeSql, new { offset, limit })).ToList();

    public static Task<long> PublicNoticeCountAsync(NpgsqlConnection conn) =>
        conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE status = 'in_public_notice'");
}
