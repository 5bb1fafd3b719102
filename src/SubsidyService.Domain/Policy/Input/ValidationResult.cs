namespace SubsidyService.Domain.Policy;

/// <summary>A value when the input was good, otherwise field errors keyed by the API's camelCase field path.</summary>
public sealed record ValidationResult<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
