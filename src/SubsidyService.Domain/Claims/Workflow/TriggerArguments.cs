namespace SubsidyService.Domain.Claims;

/// <summary>
/// What every trigger carries into the machine: who fires it and the facts its guards look at. Passing them
/// as the trigger's parameter is what lets one configured machine serve every claim and every caller.
/// </summary>
public sealed record TriggerArguments(Role Role, GuardContext Facts);
