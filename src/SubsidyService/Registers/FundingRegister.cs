using Dapper;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Domain.Screening;
using SubsidyService.Kernel;

namespace SubsidyService.Registers;

/// <summary>The register rows screening asks for, found by the case-number index.</summary>
public sealed class FundingRegister : IFundingRegister
{
    internal const string RowsForCasesSql = """
        SELECT id AS rowid, source, level, recipient_name AS recipientname, canonical_case_number AS canonicalcasenumber, amount
        FROM funding_register_rows WHERE canonical_case_number = ANY(@registerCases)
        ORDER BY id
        """;

    public SqlBatch.Pending<IReadOnlyList<FundingRegisterRow>> RowsForCases(SqlBatch batch, string[] canonicalCaseNumbers) =>
        batch.Read(RowsForCasesSql, new { registerCases = canonicalCaseNumbers },
            async grid => (IReadOnlyList<FundingRegisterRow>)(await grid.ReadAsync<FundingRegisterRow>()).ToList());
}
