namespace SubsidyService.Domain.Claims;

public sealed record StateMachineDecision<TState>(TransitionOutcome Outcome, TState? Target, string? Message)
    where TState : struct;
