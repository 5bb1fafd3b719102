using System.Collections.Concurrent;

namespace SubsidyService.Operations.Idempotency;

/// <summary>
/// Repeats of one key that wait on one node share a single poll of its row, instead of each polling the
/// database on its own: a client retrying a slow request a thousand times would otherwise take every pooled
/// connection from the request it waits for. Each waiter still checks the answer against its own body and
/// its own deadline.
/// </summary>
public sealed class SharedPolls
{
    private readonly ConcurrentDictionary<(string Scope, string Key), Lazy<Task<IdempotencyRecord?>>> polls = new();

    /// <summary>
    /// The result of the poll running for this key, or of a new one: <paramref name="poll"/> returns when the
    /// row is completed, gone, or its own time is up. A result may be shared with waiters that came a moment
    /// after it was read; that is harmless, as a completed answer never changes and a gone row sends every
    /// waiter back to claiming the key.
    /// </summary>
    public async Task<IdempotencyRecord?> WaitAsync(string scope, string key, Func<Task<IdempotencyRecord?>> poll, CancellationToken ct)
    {
        var entry = polls.GetOrAdd((scope, key), _ => new Lazy<Task<IdempotencyRecord?>>(poll));
        try
        {
            // One waiter's hang-up must not cancel the poll the others share.
            return await entry.Value.WaitAsync(ct);
        }
        finally
        {
            // Only this very poll is removed; a newer one for the key stays.
            polls.TryRemove(KeyValuePair.Create((scope, key), entry));
        }
    }
}
