using Dapper;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Registers;

/// <summary>The register rows screening asks for, found by the case-number index.</summary>
public sealed class FundingRegister : IFundingRegister
{
    internal const string RowsForCases = """
        SELECT id AS rowid, source, level, recipient_name AS recipientname, canonical_case_number AS canonicalcasenumber, amount
        FROM funding_register_rows WHERE canonical_case_number = ANY(@cases)
        ORDER BY id
        """;

    public async Task<IReadOnlyList<FundingRegisterRow>> RowsForCasesAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string[] canonicalCaseNumbers) =>
        (await conn.QueryAsync<FundingRegisterRow>(RowsForCases, new { cases = canonicalCaseNumbers }, tx)).ToList();
}
