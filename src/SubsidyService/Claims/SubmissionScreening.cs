using Dapper;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Data;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Screening;
using SubsidyService.Operations;

namespace SubsidyService.Claims;

/// <summary>
/// POLICY.md's screening at submission: loads the live claims and register rows that could match and
/// lets the domain decide. Refusals roll the submission back; flags are written with it.
/// </summary>
public sealed class SubmissionScreening(EventLog events, TimeProvider clock)
{
    private sealed class LiveClaim
    {
        public Guid Id { get; init; }
        public string IdNumber { get; init; } = "";
        public string CanonicalCaseNumber { get; init; } = "";
        public string Status { get; init; } = "";
        public string[] Invoices { get; init; } = [];
    }

    public async Task<Outcome<IReadOnlyList<ScreeningFinding>>> ScreenAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimRow claim, Actor actor)
    {
        var invoices = (await conn.QueryAsync<string>(
            "SELECT number_digits FROM claim_invoices WHERE claim_id = @Id ORDER BY position", new { claim.Id }, tx)).ToList();

        // Two submissions of one case or one invoice wait for each other here, so both cannot pass unseen.
        var keys = invoices.Select(AdvisoryLocks.Invoice).Append(AdvisoryLocks.Case(claim.CanonicalCaseNumber)).Distinct().Order(StringComparer.Ordinal);
        foreach (var key in keys)
            await AdvisoryLocks.ForTransactionAsync(conn, tx, key);

        var live = (await conn.QueryAsync<LiveClaim>("""
            SELECT c.id, c.id_number AS idnumber, c.canonical_case_number AS canonicalcasenumber, c.status,
                   coalesce(array_agg(i.number_digits) FILTER (WHERE i.number_digits IS NOT NULL), '{}') AS invoices
            FROM claims c LEFT JOIN claim_invoices i ON i.claim_id = c.id
            WHERE c.id <> @Id AND c.status NOT IN ('rejected', 'withdrawn')
              AND (c.canonical_case_number = @CanonicalCaseNumber
                   OR c.id IN (SELECT claim_id FROM claim_invoices WHERE number_digits = ANY(@invoices)))
            GROUP BY c.id
            """, new { claim.Id, claim.CanonicalCaseNumber, invoices = invoices.ToArray() }, tx)).ToList();
        var register = await conn.QueryAsync<FundingRegisterRow>("""
            SELECT id AS rowid, source, level, recipient_name AS recipientname, canonical_case_number AS canonicalcasenumber, amount
            FROM funding_register_rows WHERE canonical_case_number = @CanonicalCaseNumber
            """, new { claim.CanonicalCaseNumber }, tx);

        var findings = DuplicateScreening.Screen(
            new ScreeningCandidate(claim.Id, claim.IdNumber, claim.CanonicalCaseNumber, invoices),
            live.Select(l => new LiveClaimRow(l.Id, l.IdNumber, l.CanonicalCaseNumber, l.Invoices)),
            register);

        var refusing = findings.Where(f => f.RefusesSubmission).ToList();
        if (refusing.Count > 0)
            return new Refusal(409, EnumCodes.ToCode(refusing[0].Code), refusing[0].Code == ScreeningCode.DuplicateClaim ? "重复申请" : "发票已被使用",
                string.Join("；", refusing.Select(f => f.Detail)));

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var f in findings)
        {
            await ClaimStore.RaiseFlagAsync(conn, tx, claim.Id, EnumCodes.ToCode(f.Code), f.Detail, f.MatchedClaimId, f.MatchedRegisterRowId, now);
            if (f.Code == ScreeningCode.SharedCase && live.FirstOrDefault(l => l.Id == f.MatchedClaimId) is { } other)
                await FlagTheOtherClaimAsync(conn, tx, claim, other, actor, now);
        }
        return findings.ToList();
    }

    /// <summary>
    /// Co-plaintiffs: the claim already under review learns of the new one too, so its verifier sees
    /// the pair whichever of them is reviewed first.
    /// </summary>
    private async Task FlagTheOtherClaimAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimRow claim, LiveClaim other, Actor actor, DateTime now)
    {
        if (!EnumCodes.TryParse<ClaimStatus>(other.Status, out var status) ||
            status is not (ClaimStatus.Submitted or ClaimStatus.UnderReview or ClaimStatus.SupplementRequested))
            return;
        var detail = $"另一申请人已就同一案件 {claim.CanonicalCaseNumber} 提出申请 {claim.Id}（可能为共同原告），请审核人核实";
        if (!await ClaimStore.RaiseFlagAsync(conn, tx, other.Id, FlagCodes.SharedCase, detail, claim.Id, null, now)) return;
        await ClaimStore.BumpVersionAsync(conn, tx, other.Id, now);
        await events.AppendAsync(conn, tx, new NewEvent(other.Id, actor.Id, actor.Label, "screening_flag", other.Status, other.Status,
            Data: new { code = FlagCodes.SharedCase, matchedClaimId = claim.Id }));
    }
}
