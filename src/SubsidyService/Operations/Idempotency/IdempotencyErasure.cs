using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Operations.Idempotency;

/// <summary>A deleted account's stored answers: a claim's answer carries the facts the applicant typed.</summary>
public sealed class IdempotencyErasure : IAccountErasure
{
    public int Order => 0;

    public Task<string?> KeptBecauseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid accountId) => Task.FromResult<string?>(null);

    public async Task<string?> EraseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid accountId)
    {
        await conn.ExecuteAsync("DELETE FROM idempotency_requests WHERE scope = @scope", new { scope = "user:" + accountId }, tx);
        return null;
    }
}
