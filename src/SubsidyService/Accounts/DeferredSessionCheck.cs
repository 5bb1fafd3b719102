using System.Security.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>
/// A signed-in request's session check (<see cref="SessionCheck"/>) sent in the first batch of the request's own work
/// rather than in a round trip of its own, for the endpoints marked <see cref="SessionCheckFolding.FoldsSessionCheck"/>.
/// The work reads nothing it answers with before the check's verdict and writes nothing before it (its first batch
/// reads and locks only): once the batch has run it returns <see cref="Refusal"/> if there is one. Whatever the
/// endpoint did, its filter answers 401 when the session is not open, and checks by itself when no batch carried the
/// check (an answer made without the database, such as a refused request body).
/// </summary>
public sealed class DeferredSessionCheck
{
    private readonly SessionStore store;
    private readonly Guid sessionId, userId, stamp;
    private SqlBatch.Pending<(bool Open, bool TouchDue)>? verdict;

    internal DeferredSessionCheck(SessionStore store, Guid sessionId, Guid userId, Guid stamp) =>
        (this.store, this.sessionId, this.userId, this.stamp) = (store, sessionId, userId, stamp);

    public static readonly Refusal Revoked =
        Refusal.Unauthorized("token_revoked", "登录已失效（已退出、超时或在别处修改了密码、账户已停用），请重新登录。");

    /// <summary>Adds the check's read to the batch (once: a second batch of the request does not carry it again).</summary>
    public void AddTo(SqlBatch batch)
    {
        if (verdict is null) verdict = store.Read(batch, sessionId, userId, stamp);
    }

    /// <summary>Null when the session is open; the 401 otherwise. Asked after the batch carrying the check has run.</summary>
    public Refusal? Refusal => verdict!.Value.Open ? null : Revoked;

    internal bool Sent => verdict is not null;

    /// <summary>The check's verdict, from the batch that carried it, or from a read of its own when none did.</summary>
    internal async Task<(bool Open, bool TouchDue)> VerdictAsync()
    {
        if (verdict is null)
            return await store.IsOpenAsync(sessionId, userId, stamp) ? (true, false) : (false, false);
        return verdict.Value;
    }

    internal Task TouchAsync() => store.TouchAsync(sessionId);

    /// <summary>The check for a signed-in principal, or null when its token lacks the session's claims (the middleware refuses it).</summary>
    internal static DeferredSessionCheck? For(SessionStore store, ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) &&
        Guid.TryParse(user.FindFirstValue(TokenIssuer.StampClaim), out var stamp) &&
        Guid.TryParse(user.FindFirstValue(TokenIssuer.SessionClaim), out var session)
            ? store.Defer(session, id, stamp)
            : null;
}

/// <summary>Marks an API endpoint whose work carries the session check in its first batch (<see cref="DeferredSessionCheck"/>).</summary>
public static class SessionCheckFolding
{
    internal sealed class Marker;

    public static TBuilder FoldsSessionCheck<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new Marker());
        builder.AddEndpointFilter(async (context, next) =>
        {
            var check = context.HttpContext.Features.Get<DeferredSessionCheck>();
            var result = await next(context);
            if (check is null) return result;
            // Only a refusal may be made without the database (a bad request body); anything else must have carried the check.
            if (!check.Sent && result is not (Refusal or IStatusCodeHttpResult { StatusCode: >= 400 }))
                throw new InvalidOperationException($"{context.HttpContext.Request.Path} folds the session check but answered without sending it");
            var (open, touchDue) = await check.VerdictAsync();
            if (!open) return DeferredSessionCheck.Revoked.ToResult();
            if (touchDue) await check.TouchAsync();
            return result;
        });
        return builder;
    }

    /// <summary>The request's deferred check, when its endpoint folds it; null otherwise (the middleware has checked).</summary>
    public static DeferredSessionCheck? SessionCheckToFold(this HttpContext http) => http.Features.Get<DeferredSessionCheck>();

    internal static bool Folds(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;
}
