using Microsoft.Extensions.Options;
using SubsidyService.Kernel;

namespace SubsidyService.Operations.Idempotency;

/// <summary>
/// Makes a POST under /api that carries an Idempotency-Key safe to repeat: the first request with a
/// key runs and its answer is kept; a repeat with the same body gets that answer again without
/// running, on whichever node it lands. Runs after authentication, since the key belongs to the caller.
/// </summary>
public sealed class IdempotencyMiddleware(
    RequestDelegate next, IdempotencyStore store, SharedPolls polls, TimeProvider clock, IOptions<IdempotencyOptions> options,
    ILogger<IdempotencyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!IdempotencyKey.Covers(http.Request.Method, http.Request.Path)
            || !http.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values))
        {
            await next(http);
            return;
        }
        if (values.Count != 1 || !IdempotencyKey.IsValid(values[0]))
        {
            await Refusal.Validation(IdempotencyKey.Header, IdempotencyKey.Rule).ExecuteAsync(http);
            return;
        }

        var key = values[0]!;
        var scope = IdempotencyScope.Of(http);
        var ct = http.RequestAborted;
        var hash = await RequestFingerprint.ComputeAsync(http.Request, ct);
        var o = options.Value;
        var waitStarted = clock.GetTimestamp();
        while (true)
        {
            var now = clock.GetUtcNow();
            if (await store.TryBeginAsync(scope, key, hash, now, now - o.KeyLifetime, ct))
            {
                await RunFirstAsync(http, scope, key, now);
                return;
            }

            var row = await store.FindAsync(scope, key, now - o.KeyLifetime, ct);
            var waitedOut = clock.GetElapsedTime(waitStarted) >= o.WaitLimit;
            if (row is null && !waitedOut) continue; // the first request let go of the key: take it
            if (row is not null && row.RequestHash != hash)
            {
                await new Refusal(StatusCodes.Status422UnprocessableEntity, "idempotency_key_reused", "该幂等键已用于另一个请求",
                    "同一幂等键只能用于内容相同的请求；新的请求请换一个新的幂等键。").ExecuteAsync(http);
                return;
            }
            if (row is { IsCompleted: true })
            {
                await StoredResponse.ReplayAsync(http, row, ct);
                return;
            }
            if (waitedOut)
            {
                await Refusal.Conflict("idempotency_in_progress", "该幂等键的请求仍在处理中",
                    "使用同一幂等键的第一个请求尚未完成，请稍后用同一幂等键重试。").ExecuteAsync(http);
                return;
            }
            var answered = await polls.WaitAsync(scope, key, () => PollAsync(scope, key), ct);
            if (answered is { IsCompleted: true } && answered.RequestHash == hash)
            {
                await StoredResponse.ReplayAsync(http, answered, ct);
                return;
            }
            // The key was let go, or is still running when the shared poll's time was up: claim it or look again.
        }
    }

    /// <summary>Reads the key's row until it is completed or gone, for at most the wait limit.</summary>
    private async Task<IdempotencyRecord?> PollAsync(string scope, string key)
    {
        var o = options.Value;
        var started = clock.GetTimestamp();
        while (true)
        {
            await Task.Delay(o.PollInterval, clock);
            var row = await store.FindAsync(scope, key, clock.GetUtcNow() - o.KeyLifetime, CancellationToken.None);
            if (row is null or { IsCompleted: true } || clock.GetElapsedTime(started) >= o.WaitLimit) return row;
        }
    }

    private async Task RunFirstAsync(HttpContext http, string scope, string key, DateTimeOffset createdAt)
    {
        // The answer is held back until it is kept, so a repeat can never see a key whose answer went
        // out but was not recorded.
        var realBody = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        catch
        {
            http.Response.Body = realBody;
            await LetGoAsync(scope, key, createdAt);
            throw;
        }
        http.Response.Body = realBody;

        // Not the request's token: a client that hangs up must not leave its key half-recorded.
        if (StoredResponse.IsKept(http.Response.StatusCode))
            await store.CompleteAsync(scope, key, createdAt, StoredResponse.Capture(http.Response, buffer), clock.GetUtcNow());
        else
            await store.ReleaseAsync(scope, key, createdAt);

        buffer.Position = 0;
        await buffer.CopyToAsync(realBody, http.RequestAborted);
    }

    private async Task LetGoAsync(string scope, string key, DateTimeOffset createdAt)
    {
        try
        {
            await store.ReleaseAsync(scope, key, createdAt);
        }
        catch (Exception ex)
        {
            // The request's own exception is the one worth reporting; the row expires with the key.
            logger.LogWarning(ex, "Could not release an idempotency key after a failed request");
        }
    }
}
