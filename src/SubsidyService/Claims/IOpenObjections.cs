using Npgsql;

namespace SubsidyService.Claims;

/// <summary>
/// How many objections to a claim's public notice nobody has handled yet: a guard of the machine (the notice does
/// not end while one is open). The Objections feature owns their table and answers this; Claims only asks, inside
/// the transition's transaction and under the claim's row lock.
/// </summary>
public interface IOpenObjections
{
    Task<int> CountAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid claimId);
}
