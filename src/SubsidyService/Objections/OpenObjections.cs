using Npgsql;
using SubsidyService.Claims;

namespace SubsidyService.Objections;

/// <summary>Answers the machine's guard for Claims: the objections to a claim still waiting for a person.</summary>
public sealed class OpenObjections : IOpenObjections
{
    public Task<int> CountAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid claimId) => ObjectionStore.OpenCountAsync(conn, tx, claimId);
}
