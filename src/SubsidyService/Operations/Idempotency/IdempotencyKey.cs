namespace SubsidyService.Operations.Idempotency;

/// <summary>The Idempotency-Key request header and what a usable value looks like.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>
    /// Every POST under /api but sign-in and registration: their answers hold tokens and their bodies passwords,
    /// which must never be stored, and repeating them does no harm.
    /// </summary>
    public static bool Covers(string method, string path) =>
        HttpMethods.IsPost(method) && path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWith("/api/v1/auth/", StringComparison.OrdinalIgnoreCase);
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxLength = 200;

    public const string Rule = "幂等键须为 1 至 200 个可打印 ASCII 字符，且只能给出一个。";

    /// <summary>Printable ASCII only: the key is stored and compared as text, and logged nowhere.</summary>
    public static bool IsValid(string? key) =>
        key is { Length: >= 1 and <= MaxLength } && key.All(c => c is >= ' ' and <= '~');
}
