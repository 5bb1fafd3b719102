using System.Security.Claims;
using System.Text.Json;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

using Roles = SubsidyService.Accounts.Roles;

namespace SubsidyService.Recoveries;

public sealed record SettlementView(string Method, string Amount, string? Reference, string Note, DateTime SettledAt, Guid? SettledBy);

/// <summary>A recovery as API.md's list shows it: the amount to recover and how it was settled (null while open).</summary>
public sealed record RecoveryView(Guid Id, Guid ClaimId, string ApplicantName, string CaseNumber, string Amount, string Reason,
    JsonElement RegisterRow, DateTime OpenedAt, string State, SettlementView? Settlement)
{
    public static RecoveryView Of(RecoveryRow r) => new(r.Id, r.ClaimId, r.ApplicantName, r.CaseNumber, Invariant.Money(r.Amount), r.Reason,
        JsonDocument.Parse(r.RegisterRow).RootElement.Clone(), r.OpenedAt, r.State,
        r.State == "settled" ? new SettlementView(r.Method!, Invariant.Money(r.SettledAmount!.Value), r.SettlementRef, r.Note!, r.SettledAt!.Value, r.SettledBy) : null);
}

/// <summary>
/// The body of <c>POST /api/v1/recoveries/{id}/settle</c>: a settlement (<see cref="SettleRecoveryData"/>) without the
/// recovery's id, which the path gives. Read for shape here; <see cref="Settlement.From"/> checks the values.
/// </summary>
public sealed record SettleInput(string? Method, string? Amount, string? Reference, string? Note)
{
    public static Outcome<SettleInput> Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object) return Refusal.Validation("body", "须为 JSON 对象。");
        var f = new JsonFields(body, "");
        var input = new SettleInput(f.Text("method"), f.TextOrNumber("amount", SettleRecoveryData.AmountShape), f.Text("reference"), f.Text("note"));
        return f.Errors.Count > 0 ? Refusal.Validation(f.Errors) : input;
    }

    public SettleRecoveryData For(Guid recoveryId) => new(recoveryId, Method, Amount, Reference, Note);
}

public static class RecoveryEndpoints
{
    public static void MapRecoveryEndpoints(this IEndpointRouteBuilder app)
    {
        var recoveries = app.MapGroup("/api/v1/recoveries").WithTags("Recoveries");

        recoveries.MapGet("/", async (string? state, RecoveryStore store) =>
        {
            if (state is not (null or "open" or "settled")) return Refusal.Validation("state", "state 须为 open 或 settled。");
            return Results.Ok((await store.ListAsync(state, 500)).Select(RecoveryView.Of));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor))
        .Produces<RecoveryView[]>()
        .WithSummary("Paid claims found duplicate-funded after payment: the amount to recover and how it was settled");

        recoveries.MapPost("/{id:guid}/settle", async (Guid id, HttpContext http, ClaimsPrincipal user, RecoverySettling settling) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<JsonDocument>(http);
            if (problem is not null) return problem;
            using (body)
            {
                var input = SettleInput.Read(body!.RootElement);
                if (!input.Succeeded) return input.Refusal!.ToResult();
                return (await settling.SettleAsync(Actor.From(user), id, input.Value!)).ToResult(r => Results.Ok(RecoveryView.Of(r)));
            }
        })
        .RequireAuthorization(Roles.Finance)
        .Accepts<SettleInput>("application/json")
        .Produces<RecoveryView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Record how a recovery was settled (finance): method refunded|offset|written_off, amount?, reference?, note");
    }
}

/// <summary>Settling goes through the claim's workflow (<c>settle_recovery</c>), so it is an event in the claim's history.</summary>
public sealed class RecoverySettling(RecoveryStore store, ClaimTransitions transitions, Npgsql.NpgsqlDataSource db)
{
    public async Task<Outcome<RecoveryRow>> SettleAsync(Actor actor, Guid id, SettleInput input)
    {
        var read = Settlement.From(input.For(id), "");
        if (!read.Succeeded) return read.Refusal!;
        if (await store.FindAsync(id) is not { } recovery) return Refusal.NotFound("该追回");
        var data = new SettleRecoveryData(id, read.Value!.Method, read.Value.Amount is { } a ? Invariant.Money(a) : null, read.Value.Reference, read.Value.Note);
        // The claim's version is read just before; a transition in between answers 409 and the caller retries.
        int version;
        await using (var conn = await db.OpenConnectionAsync())
            version = (await ClaimStore.FindAsync(conn, recovery.ClaimId))!.Version;
        var fired = await transitions.FireAsync(actor, recovery.ClaimId,
            new TransitionRequest(ClaimTrigger.SettleRecovery, version, $"追回结果：{Settlement.Methods[read.Value.Method]}。{read.Value.Note}", null, data));
        if (!fired.Succeeded)
            return fired.Refusal!.Errors is { } errors
                ? Refusal.Validation(errors.ToDictionary(e => e.Key.Replace("data.", ""), e => e.Value))
                : fired.Refusal;
        return (await store.FindAsync(id))!;
    }
}
