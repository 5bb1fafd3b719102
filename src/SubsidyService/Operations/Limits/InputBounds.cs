namespace SubsidyService.Operations.Limits;

/// <summary>
/// The bounds every input has when its record or parameter declares none of its own: the OpenAPI document
/// declares them (<see cref="OpenApi.DeclaredBounds"/>) and <see cref="DeclaredBoundsCheck"/> enforces what the
/// document declares, so a bound cannot be written down without being kept.
/// </summary>
public static class InputBounds
{
    /// <summary>Any text field in a body: the longest free text a validator allows (an objection's content) fits.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>A query or path value: search words, dates, codes, ids.</summary>
    public const int MaxParameterLength = 200;

    /// <summary>An integer written as a string (the JSON options read numbers from strings): 20 digits hold any 64-bit value.</summary>
    public const int MaxIntegerTextLength = 20;

    /// <summary>A list in a body or an answer: lists people write are bounded lower by their own validators.</summary>
    public const int MaxItems = 1000;

    /// <summary>A map (e.g. a problem's <c>errors</c>): no request carries one; answers name at most this many fields.</summary>
    public const int MaxProperties = 1000;
}
