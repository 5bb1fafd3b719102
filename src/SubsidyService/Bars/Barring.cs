using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Operations;
using SubsidyService.Kernel;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Bars;

/// <summary>The body of <c>POST /api/v1/bars</c>: the identity, why, the last day barred (YYYY-MM-DD), and the recovery it follows from.</summary>
public sealed record BarInput(string? IdNumber, [property: MaxLength(Barring.MaxReasonLength)] string? Reason, string? Until, Guid? RecoveryId);

/// <summary>The body of <c>POST /api/v1/bars/{id}/lift</c>.</summary>
public sealed record LiftInput([property: MaxLength(Barring.MaxReasonLength)] string? Reason);

/// <summary>
/// Adds and lifts bars (失信, POLICY.md "Recovery and bars"). Each act is one transaction with its event in the
/// chained log, which keeps the identity only as its keyed fingerprint and its masked form: the log cannot be
/// taken back, and a bar may be lifted as mistaken.
/// </summary>
public sealed class Barring(NpgsqlDataSource db, EventLog events, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;

    public async Task<Outcome<BarRow>> AddAsync(Actor actor, BarInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var idNumber = BarIdentity.Normalise(input.IdNumber ?? "");
        if (idNumber.Length == 0) errors["idNumber"] = ["请填写身份证号码或统一社会信用代码。"];
        else if (!BarIdentity.IsValid(idNumber)) errors["idNumber"] = ["不是有效的身份证号码或统一社会信用代码（校验位不符）。"];
        var reason = Reason(input.Reason, errors);
        var today = clock.Today();
        DateOnly until = default;
        if (string.IsNullOrWhiteSpace(input.Until)) errors["until"] = ["请填写限制截止日期。"];
        else if (!Invariant.TryParseDate(input.Until.Trim(), out until))
            errors["until"] = ["日期格式须为 YYYY-MM-DD。"];
        else if (until < today) errors["until"] = ["截止日期不能早于今天。"];
        if (errors.Count > 0) return Refusal.Validation(errors);

        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        try
        {
            await BarStore.InsertAsync(conn, tx, id, idNumber, reason!, until, input.RecoveryId, actor.Id, actor.DisplayName, now);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            return Refusal.Validation("recoveryId", "没有这笔追回。");
        }
        await events.AppendAsync(conn, tx, new NewEvent(null, actor.Id, actor.Label, "bar_added", null, null, reason, new
        {
            barId = id,
            idNumberFingerprint = events.Fingerprint(idNumber),
            idNumberMasked = BarIdentity.Masked(idNumber),
            until = until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            recoveryId = input.RecoveryId,
        }));
        var row = await BarStore.FindAsync(conn, tx, id, forUpdate: false);
        await tx.CommitAsync();
        return row!;
    }

    public async Task<Outcome<BarRow>> LiftAsync(Actor actor, Guid id, LiftInput input)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = Reason(input.Reason, errors);
        if (errors.Count > 0) return Refusal.Validation(errors);

        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (await BarStore.FindAsync(conn, tx, id, forUpdate: true) is not { } bar) return Refusal.NotFound("该限制记录");
        if (bar.LiftedAt is not null) return Refusal.Conflict("bar_already_lifted", "已解除", "该限制已经解除。");
        await BarStore.LiftAsync(conn, tx, id, reason!, actor.Id, actor.DisplayName, clock.GetUtcNow().UtcDateTime);
        await events.AppendAsync(conn, tx, new NewEvent(null, actor.Id, actor.Label, "bar_lifted", null, null, reason, new
        {
            barId = id,
            idNumberFingerprint = events.Fingerprint(bar.IdNumber),
            idNumberMasked = BarIdentity.Masked(bar.IdNumber),
        }));
        var row = await BarStore.FindAsync(conn, tx, id, forUpdate: false);
        await tx.CommitAsync();
        return row!;
    }

    private static string? Reason(string? text, Dictionary<string, string[]> errors)
    {
        var reason = text?.Trim();
        if (string.IsNullOrEmpty(reason)) errors["reason"] = ["请填写理由。"];
        else if (reason.Length > MaxReasonLength) errors["reason"] = [$"理由不能超过 {MaxReasonLength} 个字符。"];
        return reason;
    }
}
