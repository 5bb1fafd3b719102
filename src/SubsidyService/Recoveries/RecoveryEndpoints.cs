using System.ComponentModel.DataAnnotations;
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
    string Grounds, JsonElement? RegisterRow, DateTime OpenedAt, string State, string? DecisionReason, DateTime? DecidedAt,
    SettlementView? Settlement)
{
    public static RecoveryView Of(RecoveryRow r) => new(r.Id, r.ClaimId, r.ApplicantName, r.CaseNumber, Invariant.Money(r.Amount), r.Reason,
        r.Grounds, r.RegisterRow is { } row ? JsonDocument.Parse(row).RootElement.Clone() : null, r.OpenedAt, r.State, r.DecisionReason, r.DecidedAt,
        r.State == "settled" ? new SettlementView(r.Method!, Invariant.Money(r.SettledAmount!.Value), r.SettlementRef, r.Note!, r.SettledAt!.Value, r.SettledBy) : null);
}

/// <summary>
/// The body of <c>POST /api/v1/recoveries/{id}/settle</c>: a settlement (<see cref="SettleRecoveryData"/>) without the
/// recovery's id, which the path gives. Read for shape here; <see cref="Settlement.From"/> checks the values.
/// </summary>
public sealed record SettleInput(string? Method, string? Amount, [property: MaxLength(Settlement.MaxReferenceLength)] string? Reference, [property: MaxLength(Settlement.MaxNoteLength)] string? Note)
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
    private static void MapDecision(RouteGroupBuilder group, string verb,
        Func<RecoveryDecisions, Actor, Guid, RecoveryDecisionInput, Task<Outcome<Guid>>> decide, string summary) =>
        group.MapPost($"/{{id:guid}}/{verb}", async (Guid id, HttpContext http, ClaimsPrincipal user, RecoveryDecisions decisions, RecoveryStore store) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<RecoveryDecisionInput>(http);
            if (problem is not null) return problem;
            if (!(await decide(decisions, Actor.From(user), id, body!)).TryGet(out var decided, out var decidedRefusal)) return decidedRefusal.ToResult();
            return Results.Ok(RecoveryView.Of((await store.FindAsync(id))!));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance))
        .Accepts<RecoveryDecisionInput>("application/json")
        .Produces<RecoveryView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary(summary);

    public static void MapRecoveryEndpoints(this IEndpointRouteBuilder app)
    {
        var recoveries = app.MapGroup("/api/v1/recoveries").WithTags("Recoveries");

        recoveries.MapGet("/", async (string? state, RecoveryStore store) =>
        {
            if (state is not null && !RecoveryFilter.States.Contains(state))
                return Refusal.Validation("state", $"state 须为 {string.Join("、", RecoveryFilter.States)} 之一。");
            return Results.Ok((await store.ListAsync(state, 500)).Select(RecoveryView.Of));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Verifier, Roles.Auditor))
        .Produces<RecoveryView[]>()
        .WithSummary("Recoveries of paid claims: proposed by a register match, open, settled or dismissed");

        recoveries.MapPost("/", async (HttpContext http, ClaimsPrincipal user, RecoveryDecisions decisions) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<RecoveryOpeningInput>(http);
            if (problem is not null) return problem;
            var opened = await decisions.OpenAsync(Actor.From(user), body!);
            return opened.ToResult(id => Results.Created($"/api/v1/recoveries/{id}", new { id }));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance))
        .Accepts<RecoveryOpeningInput>("application/json")
        .Produces(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithSummary("Open a recovery on a paid claim directly: grounds duplicate_funding|fraud|judgment_overturned|other, amount, reason");

        MapDecision(recoveries, "confirm", (d, actor, id, input) => d.ConfirmAsync(actor, id, input),
            "Confirm a proposed recovery (same case, and the register's recipient is this applicant): it becomes owed and the applicant is told");
        MapDecision(recoveries, "dismiss", (d, actor, id, input) => d.DismissAsync(actor, id, input),
            "Dismiss a proposed recovery with the reason (another recipient, another case)");

        recoveries.MapPost("/{id:guid}/settle", async (Guid id, HttpContext http, ClaimsPrincipal user, RecoverySettling settling) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<JsonDocument>(http);
            if (problem is not null) return problem;
            using (body)
            {
                if (!SettleInput.Read(body!.RootElement).TryGet(out var input, out var inputRefusal)) return inputRefusal.ToResult();
                return (await settling.SettleAsync(Actor.From(user), id, input)).ToResult(r => Results.Ok(RecoveryView.Of(r)));
            }
        })
        .RequireAuthorization(Roles.Finance)
        .Accepts<SettleInput>("application/json")
        .Produces<RecoveryView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Record how a recovery was settled (finance): method repaid|offset|written_off, amount?, reference?, note");
    }
}

/// <summary>Settling goes through the claim's workflow (<c>settle_recovery</c>), so it is an event in the claim's history.</summary>
public sealed class RecoverySettling(RecoveryStore store, ClaimTransitions transitions, Npgsql.NpgsqlDataSource db)
{
    public async Task<Outcome<RecoveryRow>> SettleAsync(Actor actor, Guid id, SettleInput input)
    {
        if (!Settlement.From(input.For(id), "").TryGet(out var read, out var readRefusal)) return readRefusal;
        if (await store.FindAsync(id) is not { } recovery) return Refusal.NotFound("该追回");
        var data = new SettleRecoveryData(id, read.Method, read.Amount is { } a ? Invariant.Money(a) : null, read.Reference, read.Note);
        // The claim's version is read just before; a transition in between answers 409 and the caller retries.
        int version;
        await using (var conn = await db.OpenConnectionAsync())
            version = (await ClaimStore.FindAsync(conn, recovery.ClaimId))!.Version;
        var fired = await transitions.FireAsync(actor, recovery.ClaimId,
            new TransitionRequest(ClaimTrigger.SettleRecovery, version, $"追回结果：{Settlement.Methods[read.Method]}。{read.Note}", null, data));
        if (!fired.Succeeded)
            return fired.Refusal!.Errors is { } errors
                ? Refusal.Validation(errors.ToDictionary(e => e.Key.Replace("data.", ""), e => e.Value))
                : fired.Refusal;
        return (await store.FindAsync(id))!;
    }
}
