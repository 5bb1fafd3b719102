namespace SubsidyService.Operations.Idempotency;

/// <summary>A row of <c>idempotency_requests</c> as a repeat of its key sees it.</summary>
public sealed class IdempotencyRecord
{
    public string RequestHash { get; init; } = "";
    public string Status { get; init; } = "";
    public int? ResponseStatus { get; init; }
    public string? ResponseContentType { get; init; }
    /// <summary>JSON object of header name to value.</summary>
    public string? ResponseHeaders { get; init; }
    public byte[]? ResponseBody { get; init; }

    public bool IsCompleted => Status == "completed";
}

/// <summary>The first answer to a key, as it is kept for replay.</summary>
public sealed record CapturedResponse(int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Body);
