using Npgsql;
using SubsidyService.Domain.Screening;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// The other-level funding registers screening compares a claim with. The Registers feature owns their
/// table and answers this; Claims only asks, inside the submission's transaction.
/// </summary>
public interface IFundingRegister
{
    Task<IReadOnlyList<FundingRegisterRow>> RowsForCasesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string[] canonicalCaseNumbers);

    /// <summary><see cref="RowsForCasesAsync"/> in the caller's batch.</summary>
    SqlBatch.Pending<IReadOnlyList<FundingRegisterRow>> RowsForCases(SqlBatch batch, string[] canonicalCaseNumbers);
}
