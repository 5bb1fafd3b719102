using System.Security.Claims;
using Npgsql;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Audit;

/// <summary>What a security event keeps besides its actor: the role then, the client address, what was acted on.</summary>
public sealed record SecurityEventData(string Role, string? Client, string? Subject, string? Detail);

/// <summary>
/// The security log: each act is an event of no claim in the chained log, so editing or deleting one breaks the
/// chain as it would for a claim's. Written in a transaction of its own right after the act: a sign-in answer does
/// not wait on the claims' work, and the act itself never rolls back because the log was slow.
/// </summary>
public sealed class SecurityLog(NpgsqlDataSource db, EventLog events, IHttpContextAccessor http) : ISecurityEvents
{
    public const string Anonymous = "匿名";

    public static readonly IReadOnlySet<string> Acts = EnumCodes.AllCodes<SecurityAct>().ToHashSet(StringComparer.Ordinal);

    public async Task RecordAsync(SecurityAct act, string? subject = null, string? detail = null, Actor? actor = null)
    {
        var context = http.HttpContext;
        // Outside a request (the demo seeder, the command line) the service itself acts.
        actor ??= context is null ? Actor.System
            : context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not null
                ? Actor.From(context.User)
                : null;
        var data = new SecurityEventData(
            actor is null ? "anonymous" : EnumCodes.ToCode(actor.Role),
            context is null ? null : ClientAddress.Of(context),
            subject, detail);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await events.AppendAsync(conn, tx, new NewEvent(null, actor?.Id, actor?.Label ?? Anonymous, EnumCodes.ToCode(act), null, null, null, data));
        await tx.CommitAsync();
    }

    public string Fingerprint(string value) => events.Fingerprint(value);
}
