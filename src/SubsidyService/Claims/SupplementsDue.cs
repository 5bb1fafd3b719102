using Dapper;
using Npgsql;

namespace SubsidyService.Claims;

/// <summary>A claim waiting for its applicant's supplement, with the deadline the service set.</summary>
public sealed record SupplementDue(Guid Id, Guid ApplicantId, string ApplicantName, string CaseNumber, string? ApplicationNumber, DateOnly DueOn);

/// <summary>The claims still waiting for a supplement whose deadline falls between two days, for the reminder.</summary>
public static class SupplementsDue
{
    public static async Task<IReadOnlyList<SupplementDue>> BetweenAsync(NpgsqlConnection conn, DateOnly from, DateOnly to) =>
        (await conn.QueryAsync<SupplementDue>("""
            SELECT id, applicant_id AS applicantid, applicant_name AS applicantname, case_number AS casenumber,
                   application_number AS applicationnumber, supplement_due_on AS dueon
            FROM claims
            WHERE status = 'supplement_requested' AND supplement_due_on BETWEEN @from::date AND @to::date
            ORDER BY supplement_due_on, id
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) })).ToList();
}
