using Dapper;
using Npgsql;
using SubsidyService.Data;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// An account that never submitted a claim may go, and its drafts (withdrawn ones too) and their evidence with it.
/// A claim once submitted is an accounting record (<c>Retention:AccountingRecordYears</c>, default 30) and keeps
/// its applicant's account. The drafts' events stay in the append-only log, naming a claim that is gone.
/// </summary>
public sealed class DraftErasure(IConfiguration config) : IAccountErasure
{
    public int Order => 10;

    public async Task<string?> KeptBecauseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid accountId)
    {
        // A draft created or submitted meanwhile waits for this transaction (creations queue on the same lock, a
        // submission on the claim's row) and then finds the account gone.
        await AdvisoryLocks.ForTransactionAsync(conn, tx, AdvisoryLocks.Drafts(accountId));
        var submitted = await conn.ExecuteScalarAsync<long>("""
            WITH mine AS (SELECT status, submitted_at FROM claims WHERE applicant_id = @accountId FOR UPDATE)
            SELECT count(*) FROM mine WHERE submitted_at IS NOT NULL OR status NOT IN ('draft', 'withdrawn')
            """, new { accountId }, tx);
        if (submitted == 0) return null;
        var years = config.GetValue("Retention:AccountingRecordYears", 30);
        return $"您已提交过 {submitted} 份补助申请。已提交的申请及其材料、办理记录属于会计档案，须保存 {years} 年，" +
               "申请人账户须随之保留，因此不能注销。不再使用时退出登录即可；如有疑问，请联系经办机构。";
    }

    public async Task<string?> EraseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid accountId)
    {
        var documents = await conn.ExecuteAsync(
            "DELETE FROM claim_documents WHERE claim_id IN (SELECT id FROM claims WHERE applicant_id = @accountId)", new { accountId }, tx);
        await conn.ExecuteAsync(
            "DELETE FROM screening_flags WHERE claim_id IN (SELECT id FROM claims WHERE applicant_id = @accountId)", new { accountId }, tx);
        // Invoices, case numbers and ratings go with their claim (ON DELETE CASCADE).
        var drafts = await conn.ExecuteAsync("DELETE FROM claims WHERE applicant_id = @accountId", new { accountId }, tx);
        return drafts == 0 && documents == 0 ? null : $"drafts={drafts}; documents={documents}";
    }
}
