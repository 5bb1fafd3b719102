using Npgsql;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// A transition as other features see it, inside its transaction: the machine has permitted it and the
/// claim row is locked, but the status is not yet written. <c>Data</c> is the trigger's record
/// (a recovery's settlement, a register row), for the feature it concerns.
/// </summary>
public sealed record TransitionContext(
    NpgsqlConnection Connection,
    NpgsqlTransaction Transaction,
    ClaimRow Claim,
    Actor Actor,
    ClaimTrigger Trigger,
    ClaimStatus From,
    ClaimStatus To,
    string? Reason,
    string? ReasonCode,
    Evaluation Evaluation,
    int PublicNoticeWorkingDays,
    DateTime Now,
    TriggerData? Data = null)
{
    /// <summary>Files a handler adds to the applicant's message about this transition (a letter).</summary>
    public List<Notifications.MailAttachment> Attachments { get; } = [];
}

/// <summary>What a feature did in a transition, recorded in the claim's event.</summary>
public sealed record HandlerResult(string Key, object? Data)
{
    /// <summary>The handler had nothing to do in this transition.</summary>
    public static Outcome<HandlerResult?> Nothing => new(null, null);
}

/// <summary>
/// A feature that acts on claim transitions (budget, letters) without the Claims feature knowing it: it
/// registers an implementation, and <see cref="ClaimTransitions"/> calls each in its transaction. A refusal
/// rolls the whole transition back.
/// </summary>
public interface ITransitionHandler
{
    Task<Outcome<HandlerResult?>> HandleAsync(TransitionContext context);
}
