using SubsidyService.Domain.Screening;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// The other-level funding registers screening compares a claim with. The Registers feature owns their
/// table and answers this; Claims only asks, inside the submission's transaction.
/// </summary>
public interface IFundingRegister
{
    /// <summary>The register rows of any of the case numbers, read in the caller's batch (inside the submission's transaction).</summary>
    SqlBatch.Pending<IReadOnlyList<FundingRegisterRow>> RowsForCases(SqlBatch batch, string[] canonicalCaseNumbers);
}
