using System.Security.Cryptography;
using System.Text;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Identity;
using SubsidyService.Kernel;

namespace SubsidyService.Objections;

/// <summary>
/// Records an objection received during a claim's public notice (POLICY.md "Public notice and objections"), in one
/// transaction with its event in the claim's chain. The claim's row lock orders it against the notice sweep and
/// against <c>object</c>: an objection is never recorded on a claim that has just left its notice.
/// </summary>
public sealed class ObjectionRecording(NpgsqlDataSource db, EventLog events, TimeProvider clock)
{
    public const int MaxContentLength = 4000;
    public const int MaxNameLength = 200;
    public const string Recorded = "objection_recorded";

    public async Task<Outcome<Guid>> RecordAsync(Actor actor, Guid claimId, ObjectionInput input)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var content = input.Content?.Trim();
        if (string.IsNullOrEmpty(content)) errors["content"] = ["请填写异议内容。"];
        else if (content.Length > MaxContentLength) errors["content"] = [$"异议内容不能超过 {MaxContentLength} 个字符。"];
        else if (ObjectionText.HasControlCharacters(content)) errors["content"] = [ObjectionText.Refused("异议内容")];
        var objector = Optional(input.Objector, "objector", "异议人", errors);
        var contact = Optional(input.Contact, "contact", "联系方式", errors);
        var receivedAt = input.ReceivedAt?.UtcDateTime ?? now;
        // A minute's grace for the clocks of the machine that typed it.
        if (receivedAt > now.AddMinutes(1)) errors["receivedAt"] = ["收到时间不能晚于现在。"];
        if (errors.Count > 0) return Refusal.Validation(errors);

        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var claim = await ClaimStore.FindAsync(conn, claimId, tx, forUpdate: true);
        if (claim is null) return Refusal.NotFound("该申请");
        if (claim.Status != "in_public_notice")
            return new Refusal(422, "not_in_public_notice", "不在公示期", "只有处于公示期的申请可以登记异议。");

        var id = Guid.NewGuid();
        await ObjectionStore.InsertAsync(conn, tx, new ObjectionRow
        {
            Id = id, ClaimId = claimId, ApplicantName = claim.ApplicantName, CaseNumber = claim.CaseNumber,
            Objector = objector, Contact = contact, Content = content!, ReceivedAt = receivedAt,
            RecordedBy = actor.Id, RecordedByName = actor.DisplayName,
        });
        await ClaimStore.BumpVersionAsync(conn, tx, claimId, now);
        await events.AppendAsync(conn, tx, new NewEvent(claimId, actor.Id, actor.Label, Recorded, claim.Status, claim.Status, null,
            new ObjectionRecordedEvent(id,
                objector is null ? null : Masking.PersonName(objector), objector is null ? null : events.Fingerprint(objector),
                contact is null ? null : Masking.KeepEnds(contact), contact is null ? null : events.Fingerprint(contact),
                Sha256(content!))));
        await tx.CommitAsync();
        return id;
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? Optional(string? value, string field, string label, Dictionary<string, string[]> errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > MaxNameLength) errors[field] = [$"{label}不能超过 {MaxNameLength} 个字符。"];
        else if (ObjectionText.HasControlCharacters(trimmed)) errors[field] = [ObjectionText.Refused(label)];
        return trimmed;
    }
}
