namespace SubsidyService.Domain.Claims;

/// <summary>
/// A condition a transition needs besides the actor's role, handed to Stateless as one (guard, description) pair.
/// What its failure means depends on its kind, so the refusal can say "not you" or "not now" and name only what
/// the actor can do something about.
/// </summary>
/// <param name="Description">The condition in words: shown in the diagram and, when it fails, to the user.</param>
/// <param name="ReadsEvaluation">
/// The guard looks at the claim's evaluation (<see cref="GuardContext.Eligible"/>), which a caller must compute:
/// the bulk path does not, so a trigger fired in bulk may not carry such a condition.
/// </param>
/// <param name="Code">
/// The refusal's own code when this condition is unmet (<c>documents_missing</c>), for a refusal the caller can act
/// on by itself; null for the general <c>trigger_not_permitted</c>.
/// </param>
public sealed record Condition(Func<GuardContext, bool> Holds, string Description, ConditionKind Kind, bool ReadsEvaluation = false,
    string? Code = null)
{
    /// <summary>A business rule on the claim's evaluation (see <see cref="ReadsEvaluation"/>).</summary>
    public static Condition RequiresEvaluation(Func<GuardContext, bool> holds, string description) =>
        new(holds, description, ConditionKind.Business, ReadsEvaluation: true);

    /// <summary>A business rule: failing it means "not now" (422), naming the rule.</summary>
    public static Condition Requires(Func<GuardContext, bool> holds, string description, string? code = null) =>
        new(holds, description, ConditionKind.Business, Code: code);

    /// <summary>A rule on who the actor is beyond the role, such as being the owner: failing it means "not you" (403).</summary>
    public static Condition Actor(Func<GuardContext, bool> holds, string description) =>
        new(holds, description, ConditionKind.Actor);

    /// <summary>
    /// Only chooses between two targets of one trigger (exclusive with the sibling's selector): its failure is
    /// the other branch's business, not a reason to tell anyone.
    /// </summary>
    public static Condition SelectsTarget(Func<GuardContext, bool> holds, string description) =>
        new(holds, description, ConditionKind.SelectsTarget);
}

public enum ConditionKind
{
    Business,
    Actor,
    SelectsTarget,
}
