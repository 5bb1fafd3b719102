using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Objections;

/// <summary>
/// How an objection is handled: sustained, which sends the claim back to review through the machine's <c>object</c>
/// trigger (the letter revoked, the budget released) in the same transaction as the objection's outcome; or answered
/// and dismissed, with the reply kept. Either is final. The objection's row is locked first, then the claim's.
/// </summary>
public sealed class ObjectionHandling(NpgsqlDataSource db, ClaimTransitions transitions, EventLog events, TimeProvider clock)
{
    public const int MaxReplyLength = 4000;
    public const string Dismissed = "objection_dismissed";

    public async Task<Outcome<Guid>> SustainAsync(Actor actor, Guid id, SustainInput input)
    {
        var reply = input.Reply?.Trim();
        if (reply?.Length > MaxReplyLength) return Refusal.Validation("reply", $"答复不能超过 {MaxReplyLength} 个字符。");
        if (reply is not null && ObjectionText.HasControlCharacters(reply)) return Refusal.Validation("reply", ObjectionText.Refused("答复"));
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (!(await LockOpenAsync(conn, tx, id)).TryGet(out var objection, out var refusal)) return refusal;

        // The applicant reads the reason: the objection's content, never who raised it.
        var reason = Clip("公示期间收到异议，经核查成立：" + objection.Content, TransitionRequest.MaxReasonLength);
        var fired = await transitions.FireWithinAsync(conn, tx, actor, objection.ClaimId,
            new TransitionRequest(ClaimTrigger.Object, 0, reason, null, new ObjectionSustainedData(id)));
        if (!fired.Succeeded) return fired.Refusal!;
        await ObjectionStore.HandleAsync(conn, tx, id, "sustained", string.IsNullOrEmpty(reply) ? null : reply,
            actor.Id, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        await tx.CommitAsync();
        return id;
    }

    public async Task<Outcome<Guid>> DismissAsync(Actor actor, Guid id, DismissInput input)
    {
        var reply = input.Reply?.Trim();
        if (string.IsNullOrEmpty(reply)) return Refusal.Validation("reply", "驳回异议须填写对异议人的答复（reply）。");
        if (reply.Length > MaxReplyLength) return Refusal.Validation("reply", $"答复不能超过 {MaxReplyLength} 个字符。");
        if (ObjectionText.HasControlCharacters(reply)) return Refusal.Validation("reply", ObjectionText.Refused("答复"));
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (!(await LockOpenAsync(conn, tx, id)).TryGet(out var objection, out var refusal)) return refusal;

        var now = clock.GetUtcNow().UtcDateTime;
        // The claim's row lock orders its events; the dismissal is part of the claim's (staff) history.
        var claim = (await ClaimStore.FindAsync(conn, objection.ClaimId, tx, forUpdate: true))!;
        await ObjectionStore.HandleAsync(conn, tx, id, "dismissed", reply, actor.Id, actor.DisplayName, now);
        await ClaimStore.BumpVersionAsync(conn, tx, claim.Id, now);
        await events.AppendAsync(conn, tx, new NewEvent(claim.Id, actor.Id, actor.Label, Dismissed, claim.Status, claim.Status, null,
            new ObjectionDismissedEvent(id, ObjectionRecording.Sha256(reply))));
        await tx.CommitAsync();
        return id;
    }

    private static async Task<Outcome<ObjectionRow>> LockOpenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id)
    {
        var objection = await ObjectionStore.LockAsync(conn, tx, id);
        if (objection is null) return Refusal.NotFound("该异议");
        if (!objection.IsOpen) return Refusal.Conflict("objection_handled", "异议已处理", "该异议已经处理，处理结果不能更改。");
        return objection;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
