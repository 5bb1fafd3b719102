using Dapper;
using Npgsql;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Claims;

/// <summary>A claim waiting for the verifiers, as the digest lists it.</summary>
public sealed record WaitingClaim(Guid Id, string CaseNumber, string ApplicantName, ClaimStatus Status, DateTime WaitingSince);

/// <summary>The verifiers' queue for their daily digest: claims submitted or under review, the longest-waiting first.</summary>
public sealed class VerifierQueue(NpgsqlDataSource db)
{
    private sealed record Row(Guid Id, string CaseNumber, string ApplicantName, string Status, DateTime WaitingSince);

    public async Task<IReadOnlyList<WaitingClaim>> WaitingAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition("""
            SELECT id, case_number AS casenumber, applicant_name AS applicantname, status,
                   coalesce(submitted_at, created_at) AS waitingsince
            FROM claims WHERE status IN ('submitted', 'under_review')
            ORDER BY submitted_at, id
            """, cancellationToken: ct));
        return rows.Select(r => new WaitingClaim(r.Id, r.CaseNumber, r.ApplicantName, Status(r.Status), r.WaitingSince)).ToList();
    }

    private static ClaimStatus Status(string code) =>
        EnumCodes.TryParse<ClaimStatus>(code, out var s) ? s : throw new InvalidOperationException($"unknown claim status {code}");
}
