using Dapper;
using Npgsql;

namespace SubsidyService.Claims;

/// <summary>A claim as a period's export lists it (the identity number in full: the caller masks it).</summary>
public sealed class PeriodClaimRow
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public string ApplicantType { get; init; } = "";
    public string ApplicantName { get; init; } = "";
    public string IdNumber { get; init; } = "";
    public string CaseNumber { get; init; } = "";
    public string? CaseType { get; init; }
    public string? Tier { get; init; }
    public decimal Amount { get; init; }
    public string PolicyVersion { get; init; } = "";
    public DateTime SubmittedAt { get; init; }
    public DateTime? VerifiedAt { get; init; }
    public DateTime? ApprovedAt { get; init; }
    public string? LetterNumber { get; init; }
}

/// <summary>The claims first submitted in a period, oldest first, read row by row through the index on submitted_at.</summary>
public static class PeriodClaims
{
    internal const string Sql = """
        SELECT id, status, applicant_type AS applicanttype, applicant_name AS applicantname, id_number AS idnumber,
               case_number AS casenumber, facts->>'caseType' AS casetype, tier, amount, policy_version AS policyversion,
               submitted_at AS submittedat, verified_at AS verifiedat, approved_at AS approvedat, letter_number AS letternumber
        FROM claims
        WHERE submitted_at >= @from AND submitted_at < @to
        ORDER BY submitted_at, id
        """;

    public static IAsyncEnumerable<PeriodClaimRow> SubmittedBetween(NpgsqlConnection conn, DateTime fromUtc, DateTime toUtcExclusive) =>
        conn.QueryUnbufferedAsync<PeriodClaimRow>(Sql, new { from = fromUtc, to = toUtcExclusive });
}
