using Npgsql;

namespace SubsidyService.Kernel;

/// <summary>
/// What one feature keeps of an applicant's account, asked when the applicant deletes it. Each feature removes its
/// own rows (the account's feature owns none of them), all in the deletion's one transaction, in <see cref="Order"/>.
/// </summary>
public interface IAccountErasure
{
    /// <summary>Smaller first: rows that point at another feature's rows go before those rows do.</summary>
    int Order { get; }

    /// <summary>
    /// Why the account must stay (a sentence for the applicant), or null. Asked inside the transaction before anything
    /// is removed; a feature locks what it reads, so nothing it answered for changes before the removal.
    /// </summary>
    Task<string?> KeptBecauseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid accountId);

    /// <summary>Removes the account's rows; returns counts for the security log ("drafts=2"), never content, or null for none.</summary>
    Task<string?> EraseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid accountId);
}
