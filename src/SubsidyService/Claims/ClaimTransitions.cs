using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Audit;
using SubsidyService.Claims.Documents;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// The one way a claim changes status: loads and locks the claim, asks <see cref="ClaimWorkflow"/> whether the
/// trigger may be fired, then runs the trigger's declaration (<see cref="TriggerDeclarations"/>): its effects in
/// order, the status and version, the event with its typed record, and the applicant's message, all in one
/// transaction. The API, the pages and the jobs call this.
/// </summary>
public sealed class ClaimTransitions(
    NpgsqlDataSource db, ClaimEvaluator evaluator, WorkflowSettings settings, IEnumerable<ITransitionEffect> effects,
    EventLog events, TimeProvider clock, TransitionAdmission admission, IOpenObjections objections, ClaimReader reader)
{
    private readonly Dictionary<Effect, ITransitionEffect> byEffect = effects.ToDictionary(e => e.Effect);

    public async Task<Outcome<Guid>> FireAsync(Actor actor, Guid id, TransitionRequest request)
    {
        using var admitted = await admission.EnterAsync(request.Trigger);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var fired = await FireAsync(conn, tx, actor, id, request, checkVersion: true);
        if (fired.Succeeded) await tx.CommitAsync();
        return fired.Succeeded ? id : fired.Refusal!;
    }

    /// <summary>
    /// The API's transition: as <see cref="FireAsync(Actor, Guid, TransitionRequest)"/>, answered with the claim's view
    /// read in the transition's last batch, and the request's session check carried by its first.
    /// </summary>
    public async Task<Outcome<ClaimView>> FireAndReadAsync(Actor actor, Guid id, TransitionRequest request, DeferredSessionCheck? session)
    {
        using var admitted = await admission.EnterAsync(request.Trigger);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var fired = await FireAsync(conn, tx, actor, id, request, checkVersion: true, session, answer: true);
        if (!fired.Succeeded) return fired.Refusal!;
        await tx.CommitAsync();
        return await reader.ViewAsync(actor, fired.Value!);
    }

    /// <summary>
    /// The service itself fires a trigger (a job, a register import) inside the caller's transaction, on the
    /// claim as it is now: there is no version a person saw.
    /// </summary>
    public async Task<Outcome<Guid>> FireAsSystemAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, ClaimTrigger trigger,
        string? reason = null, TriggerData? data = null)
    {
        // A refused trigger must leave the caller's transaction as it was, so that the caller can go on.
        await tx.SaveAsync("system_transition");
        var fired = await FireAsync(conn, tx, Actor.System, id, new TransitionRequest(trigger, 0, reason, null, data), checkVersion: false);
        if (fired.Succeeded) await tx.ReleaseAsync("system_transition");
        else await tx.RollbackAsync("system_transition");
        return fired.Succeeded ? id : fired.Refusal!;
    }

    /// <summary>
    /// A person's trigger fired inside the caller's transaction, beside what the caller records with it (an objection
    /// marked sustained): both are kept or neither. The person acts on the claim as it is now. On a refusal the
    /// caller rolls back.
    /// </summary>
    public async Task<Outcome<Guid>> FireWithinAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Actor actor, Guid id, TransitionRequest request)
    {
        using var admitted = await admission.EnterAsync(request.Trigger);
        var fired = await FireAsync(conn, tx, actor, id, request, checkVersion: false);
        return fired.Succeeded ? id : fired.Refusal!;
    }

    /// <summary>
    /// The transition in round trips: one batch locks the claim and reads what the guards and the event chain need (with
    /// the request's session check, and the effects' reads by the claim's id); one more, only when an effect asks, reads
    /// what needs the claim as loaded (screening's locks and lookups, the applicant's address); then the writes go as one
    /// batch, with the claim's view when <paramref name="answer"/> asks for it. An effect that is not batched runs on the
    /// connection after the writes before it are sent, so the order of the writes is the declaration's.
    /// </summary>
    /// <returns>The claim's loaded view rows after the transition (null unless <paramref name="answer"/>), or the refusal.</returns>
    private async Task<Outcome<ClaimReader.Loaded?>> FireAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Actor actor, Guid id,
        TransitionRequest request, bool checkVersion, DeferredSessionCheck? session = null, bool answer = false)
    {
        var declaration = TriggerDeclarations.Of(request.Trigger);
        var lockBatch = new SqlBatch();
        session?.AddTo(lockBatch);
        var locked = ClaimStore.Lock(lockBatch, id);
        var loadedFlags = ClaimStore.Flags(lockBatch, id);
        var kinds = DocumentService.Kinds(lockBatch, id);
        var head = EventLog.ReadHead(lockBatch, id);
        var reads = new TransitionParts();
        foreach (var effect in declaration.Effects) byEffect[effect].AddLockReads(lockBatch, id, reads);
        await lockBatch.RunAsync(conn, tx);
        if (session?.Refusal is { } signedOut) return signedOut;

        var row = locked.Value;
        if (row is null || (!actor.IsStaff && row.ApplicantId != actor.Id)) return Refusal.NotFound("该申请");
        if (checkVersion && request.ExpectedVersion != row.Version) return Refusal.VersionConflict(row.Version);

        var flags = loadedFlags.Value;
        var verification = ClaimEvaluator.VerificationOf(row);
        // Verification is settled before the guards: eligibility on the facts as verified is one of them.
        if (request.Trigger == ClaimTrigger.Verify)
        {
            var proposal = (request.Data as VerifyData ?? new VerifyData(null, null, null)).ToVerification(evaluator.FactsOf(row));
            if (!proposal.Succeeded) return proposal.Refusal!;
            verification = proposal.Value;
        }
        var (version, evaluation) = await evaluator.EvaluateAsync(row, GuardFacts.ConfirmedDuplicateFunding(flags), verification);
        var noticeDays = settings.PublicNoticeWorkingDays(version);

        var from = row.StatusValue;
        // Only a claim in its notice can have objections; other claims skip the query.
        var openObjections = from == ClaimStatus.InPublicNotice ? await objections.CountAsync(conn, tx, id) : 0;
        var guard = GuardFacts.Of(actor, row, flags, version, evaluation.Eligible, kinds.Value, noticeDays, openObjections);
        var decision = ClaimWorkflow.Instance.Decide(from, request.Trigger, actor.Role, guard);
        if (decision.Outcome == TransitionOutcome.Forbidden)
            return Refusal.Forbidden(decision.Message ?? "您的角色不能对该申请执行此操作。");
        if (decision.Outcome == TransitionOutcome.NotPermitted)
            return decision.Code == ClaimWorkflow.DocumentsMissingCode
                ? TransitionRefusals.DocumentsMissing(guard.MissingDocuments ?? [], decision.Message)
                : TransitionRefusals.NotPermitted(request.Trigger, from, decision.Message);
        if (TransitionRefusals.CheckReason(request) is { } missing) return missing;

        var t = new TransitionContext(conn, tx, row, actor, request.Trigger, from, decision.Target!.Value, request.Reason,
            request.ReasonCode, evaluation, noticeDays, clock.GetUtcNow().UtcDateTime, request.Data, flags) { Reads = reads, Head = head.Value, Policy = version };
        if (verification is not null) t.Parts.Set(verification);
        await ReadAheadAsync(declaration, t);

        var ran = await RunAsync(t);
        if (!ran.Succeeded) return ran.Refusal!;
        var view = answer ? ClaimReader.Load(ran.Value!.Writes, id, actor.IsStaff) : null;
        await ran.Value!.Writes.RunAsync(conn, tx);
        return view?.Value;
    }

    /// <summary>The declaration of <see cref="TransitionContext.Trigger"/>, carried out: effects, status, event, message, follow-up.</summary>
    /// <returns>The context whose writes are still to be sent (the follow-up's, when there is one).</returns>
    private async Task<Outcome<TransitionContext>> RunAsync(TransitionContext t)
    {
        var declaration = TriggerDeclarations.Of(t.Trigger);
        foreach (var effect in declaration.BeforeEvent)
            if (await ApplyAsync(byEffect[effect], t) is { } refused) return refused;

        t.Record = declaration.Record(new RecordInput(t.Data, t.Parts, t.ReasonCode));
        ClaimStore.SetStatus(t.Writes, t.Claim.Id, t.To, t.Now, t.MarksSubmitted);
        var e = new NewEvent(t.Claim.Id, t.Actor.Id, t.Actor.Label, EnumCodes.ToCode(t.Trigger), EnumCodes.ToCode(t.From), EnumCodes.ToCode(t.To),
            t.Reason, t.Record);
        if (t.Head is { CanAppend: true } head)
            events.Append(t.Writes, head, e);
        else
        {
            await t.Writes.RunAsync(t.Connection, t.Transaction);
            await events.AppendAsync(t.Connection, t.Transaction, e);
        }
        // The applicant hears of it in the same transaction: the message is sent only if the change is kept.
        if (declaration.Notifies && await ApplyAsync(byEffect[Effect.Notification], t) is { } unsent) return unsent;

        if (t.Parts.Get<FollowUp>() is not { } next) return t;
        await t.Writes.RunAsync(t.Connection, t.Transaction);
        return await FollowUpAsync(t, next);
    }

    /// <summary>
    /// The effects' reads that need the claim as loaded, in one batch, for the batched effects before the first one that
    /// is not: its own statements run when it runs, and what comes after it reads for itself, so locks are taken in the
    /// declaration's order whichever way.
    /// </summary>
    private async Task ReadAheadAsync(TriggerDeclaration declaration, TransitionContext t)
    {
        var batch = new SqlBatch();
        foreach (var effect in declaration.Effects.Select(e => byEffect[e]).TakeWhile(e => e.Batched)) effect.AddReads(batch, t);
        await batch.RunAsync(t.Connection, t.Transaction);
    }

    /// <summary>A batched effect adds to the writes; any other runs after the writes before it are sent.</summary>
    private static async Task<Refusal?> ApplyAsync(ITransitionEffect effect, TransitionContext t)
    {
        if (!effect.Batched) await t.Writes.RunAsync(t.Connection, t.Transaction);
        return await effect.ApplyAsync(t);
    }

    /// <summary>
    /// A second transition the first one entails (confirming a register match rejects the claim), decided by the
    /// same machine and carried out by its own declaration, as its own event.
    /// </summary>
    private async Task<Outcome<TransitionContext>> FollowUpAsync(TransitionContext first, FollowUp next)
    {
        var facts = GuardFacts.Of(first.Actor, first.Claim.ApplicantId, first.Claim.VerifiedBy, 0, first.PublicNoticeWorkingDays,
            first.Evaluation.Eligible);
        var decision = ClaimWorkflow.Instance.Decide(first.To, next.Trigger, first.Actor.Role, facts);
        if (!decision.IsPermitted)
            throw new InvalidOperationException($"follow-up {next.Trigger} from {first.To} refused: {decision.Message}");
        // A new context, not a copy: its effects write their own parts and letters, and read what they need again.
        var t = new TransitionContext(first.Connection, first.Transaction, first.Claim, first.Actor, next.Trigger, first.To,
            decision.Target!.Value, next.Reason, next.ReasonCode, first.Evaluation, first.PublicNoticeWorkingDays, first.Now, null, first.Flags)
            { Policy = first.Policy };
        await ReadAheadAsync(TriggerDeclarations.Of(next.Trigger), t);
        return await RunAsync(t);
    }
}
