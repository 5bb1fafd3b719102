using SubsidyService.Domain.Policy;

namespace SubsidyService.Kernel;

/// <summary>The domain's validators answer in their own type; this is the one place it becomes a refusal.</summary>
public static class Validated
{
    public static Outcome<T> ToOutcome<T>(this ValidationResult<T> result) =>
        result.IsValid && result.Value is { } value ? value : Refusal.Validation(result.Errors);
}
