namespace SubsidyService.Operations.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a key is remembered; an older row counts as absent, as if the key were new.</summary>
    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often a repeat polls while the first request with its key is still running.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a repeat waits for the first request before it answers 409.</summary>
    public TimeSpan WaitLimit { get; set; } = TimeSpan.FromSeconds(30);
}
