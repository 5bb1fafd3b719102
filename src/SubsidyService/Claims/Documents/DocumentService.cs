using SubsidyService.Domain.Kernel;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Dapper;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Domain.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Documents;

public sealed record Upload(string? Kind, string? FileName, long Length, Func<Stream> Open);

/// <summary>Evidence on a claim: added and removed by its applicant while the claim can be edited, read by staff.</summary>
public sealed class DocumentService(NpgsqlDataSource db, EventLog events, UploadBudget budget, TimeProvider clock, IConfiguration config)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerClaim = 20;

    /// <summary>What one applicant may keep stored across all claims (<c>Uploads:MaxBytesPerApplicant</c>, default 200 MB).</summary>
    private readonly long maxBytesPerApplicant = config.GetValue("Uploads:MaxBytesPerApplicant", 200L * 1024 * 1024);

    /// <summary>Uploads per person per minute (<c>Uploads:PerMinute</c>, default 30), through the API and the pages alike.</summary>
    private readonly PartitionedRateLimiter<Guid> uploads = PartitionedRateLimiter.Create<Guid, Guid>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = config.GetValue("Uploads:PerMinute", 30), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public async Task<Outcome<DocumentRow>> AddAsync(Actor actor, Guid claimId, Upload upload)
    {
        if (upload.Length == 0) return Refusal.Validation("file", "请选择要上传的文件（文件不能为空）。");
        using var lease = uploads.AttemptAcquire(actor.Id);
        if (!lease.IsAcquired)
            return new Refusal(429, "too_many_requests", "上传过于频繁", "上传过于频繁，请稍后再试。");
        if (upload.Length > MaxBytes)
            return new Refusal(413, "payload_too_large", "文件过大", $"单个文件不能超过 {MaxBytes / 1024 / 1024} MB。");

        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (!(await EditableClaimAsync(conn, tx, actor, claimId)).TryGet(out var claim, out var claimRefusal)) return claimRefusal;
        if (upload.Kind is null || !DocumentRow.Kinds.ContainsKey(upload.Kind))
            return Refusal.Validation("kind", ChoiceError.Message("材料类型", upload.Kind, DocumentRow.Kinds.Keys) + "。");
        // The applicant's stored bytes, counted under the claim's lock; removed documents no longer count.
        var stored = await conn.ExecuteScalarAsync<long>("""
            SELECT coalesce(sum(d.size_bytes), 0) FROM claim_documents d JOIN claims c ON c.id = d.claim_id
            WHERE c.applicant_id = @ApplicantId AND d.removed_at IS NULL
            """, new { claim.ApplicantId }, tx);
        if (stored + upload.Length > maxBytesPerApplicant)
            return new Refusal(413, "quota_exceeded", "存储空间已满",
                $"每位申请人的材料合计不能超过 {maxBytesPerApplicant / 1024 / 1024} MB（已用 {stored / 1024 / 1024} MB），请先删除不需要的材料。");

        if (!await budget.TryReserveAsync(upload.Length))
            return new Refusal(503, "upload_budget_spent", "今日上传已达上限", UploadBudget.SpentMessage);

        // Read only once the caller may upload here at all.
        var content = new byte[upload.Length];
        await using (var s = upload.Open()) await s.ReadExactlyAsync(content);
        if (FileSignature.Detect(content) is not var (contentType, extension))
            return new Refusal(415, "unsupported_media_type", "文件类型不支持", "只接受 PDF、PNG 或 JPEG 文件（按文件内容识别，而非文件名）。");
        if (contentType == "application/pdf" && PdfActiveContent.Find(content) is { } active)
            return new Refusal(415, "active_content", "文件含有可执行内容", $"该 PDF 含有{active}，出于安全考虑不予接收。请另存为（或打印为）不含脚本和附件的普通 PDF 后重新上传。");
        var count = await conn.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM claim_documents WHERE claim_id = @claimId AND removed_at IS NULL", new { claimId }, tx);
        if (count >= MaxPerClaim)
            return Refusal.Validation("file", $"每件申请最多上传 {MaxPerClaim} 份材料，请先删除不需要的材料。");

        var row = new DocumentRow
        {
            Id = Guid.NewGuid(), ClaimId = claimId, Kind = upload.Kind, FileName = FileSignature.SafeName(upload.FileName, extension),
            ContentType = contentType, SizeBytes = content.Length, UploadedBy = actor.Id,
            Sha256 = Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant(), UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        await conn.ExecuteAsync("""
            INSERT INTO claim_documents (id, claim_id, kind, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
            VALUES (@Id, @ClaimId, @Kind, @FileName, @ContentType, @SizeBytes, @Sha256, @content, @UploadedBy, @UploadedAt)
            """, new { row.Id, row.ClaimId, row.Kind, row.FileName, row.ContentType, row.SizeBytes, row.Sha256, content, row.UploadedBy, row.UploadedAt }, tx);
        await ClaimStore.BumpVersionAsync(conn, tx, claimId, row.UploadedAt);
        await events.AppendAsync(conn, tx, new NewEvent(claimId, actor.Id, actor.Label, "document_added", claim.Status, claim.Status,
            Data: new { documentId = row.Id, row.Kind, row.FileName, row.Sha256, row.SizeBytes }));
        await tx.CommitAsync();
        return row;
    }

    /// <summary>
    /// Whether the caller may upload to the claim at all, checked before the body is read: a stranger's upload
    /// costs a primary-key read, not a 10 MB transfer. <see cref="AddAsync"/> checks again under the claim's lock.
    /// </summary>
    public async Task<Refusal?> RefuseBeforeReadingAsync(Actor actor, Guid claimId, long? contentLength)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if ((await EditableClaimAsync(conn, tx, actor, claimId, forUpdate: false)).Refusal is { } refusal) return refusal;
        // The form around the file adds a few hundred bytes; anything beyond this is too large whatever it holds.
        return contentLength > MaxBytes + 64 * 1024
            ? new Refusal(413, "payload_too_large", "文件过大", $"单个文件不能超过 {MaxBytes / 1024 / 1024} MB。")
            : null;
    }

    public async Task<Outcome<Guid>> RemoveAsync(Actor actor, Guid claimId, Guid documentId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (!(await EditableClaimAsync(conn, tx, actor, claimId)).TryGet(out var claim, out var claimRefusal)) return claimRefusal;
        var now = clock.GetUtcNow().UtcDateTime;
        var doc = await conn.QuerySingleOrDefaultAsync<DocumentRow>(
            $"SELECT {DocumentRow.Columns} FROM claim_documents WHERE id = @documentId AND claim_id = @claimId AND removed_at IS NULL",
            new { documentId, claimId }, tx);
        if (doc is null) return Refusal.NotFound("该材料");
        // The record stays (name, size, SHA-256, and the history names it), but the bytes are freed: removing is
        // how an applicant gets room back, and nobody may fill the disk by uploading and removing in a loop.
        await conn.ExecuteAsync("UPDATE claim_documents SET removed_at = @now, removed_by = @by, content = ''::bytea WHERE id = @documentId",
            new { now, by = actor.Id, documentId }, tx);
        await ClaimStore.BumpVersionAsync(conn, tx, claimId, now);
        await events.AppendAsync(conn, tx, new NewEvent(claimId, actor.Id, actor.Label, "document_removed", claim.Status, claim.Status,
            Data: new { documentId, doc.Kind, doc.FileName, doc.Sha256 }));
        await tx.CommitAsync();
        return documentId;
    }

    public async Task<Outcome<(DocumentRow Row, byte[] Content)>> ReadAsync(Actor actor, Guid claimId, Guid documentId)
    {
        await using var conn = await db.OpenConnectionAsync();
        var claim = await ClaimStore.FindAsync(conn, claimId);
        if (claim is null || (!actor.IsStaff && claim.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");
        var doc = await conn.QuerySingleOrDefaultAsync<DocumentRow>(
            $"SELECT {DocumentRow.Columns} FROM claim_documents WHERE id = @documentId AND claim_id = @claimId AND removed_at IS NULL",
            new { documentId, claimId });
        if (doc is null || !MaySee(actor, claim, doc.Kind)) return Refusal.NotFound("该材料");
        var (content, purgedAt) = await conn.QuerySingleAsync<(byte[], DateTime?)>(
            "SELECT content, purged_at FROM claim_documents WHERE id = @documentId", new { documentId });
        if (purgedAt is { } purged)
            return new Refusal(410, "document_purged", "材料已清除",
                $"该材料已超过保存期限，于 {ChinaTime.DateOf(purged):yyyy年M月d日} 按规定清除；其文件名、大小和指纹仍保留在记录中。");
        return (doc, content);
    }

    /// <summary>An identity document is personal data: only its owner and the verifiers who check it see it.</summary>
    public static bool MaySee(Actor actor, ClaimRow claim, string kind) =>
        kind != "id_proof" || claim.ApplicantId == actor.Id || actor.Role == Role.Verifier;

    public static async Task<IReadOnlyList<DocumentRow>> ListAsync(NpgsqlConnection conn, Guid claimId) =>
        (await conn.QueryAsync<DocumentRow>(
            $"SELECT {DocumentRow.Columns} FROM claim_documents WHERE claim_id = @claimId AND removed_at IS NULL ORDER BY uploaded_at",
            new { claimId })).ToList();

    /// <summary>The kinds of the claim's documents, removed ones left out: what counts towards the required materials.</summary>
    public static async Task<IReadOnlyList<string>> KindsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid claimId) =>
        (await conn.QueryAsync<string>(KindsSql, new { id = claimId }, tx)).ToList();

    /// <summary><see cref="KindsAsync"/> in the caller's batch.</summary>
    public static SqlBatch.Pending<List<string>> Kinds(SqlBatch batch, Guid claimId) =>
        batch.Read(KindsSql, new { id = claimId }, async grid => (await grid.ReadAsync<string>()).ToList());

    private const string KindsSql = "SELECT DISTINCT kind FROM claim_documents WHERE claim_id = @id AND removed_at IS NULL";

    private static async Task<Outcome<ClaimRow>> EditableClaimAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Actor actor, Guid claimId,
        bool forUpdate = true)
    {
        var claim = await ClaimStore.FindAsync(conn, claimId, tx, forUpdate: forUpdate);
        if (claim is null || (!actor.IsStaff && claim.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");
        if (claim.ApplicantId != actor.Id) return Refusal.Forbidden("只有申请人本人可以上传或删除材料。");
        if (!ClaimWorkflow.CanEditFacts(claim.StatusValue))
            return new Refusal(422, "not_editable", "当前状态不能修改材料", "只有草稿或待补正的申请可以上传或删除材料。");
        return claim;
    }
}
