using Dapper;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// An earlier claim a staff member sees beside this one (API.md <c>priorClaims</c>): of the same identity, for the
/// same case, or asserting the same patent, whatever became of it; <c>DecidedAt</c> is when it entered its present
/// status (once decided), and <c>ReasonCode</c> a rejection's code.
/// </summary>
public sealed record PriorClaimView(Guid Id, string CaseNumber, string Status, string Amount, DateTime? SubmittedAt, DateTime? DecidedAt,
    string? ReasonCode, IReadOnlyList<string> Relations);

/// <summary>The lookup behind <see cref="PriorClaimView"/>: one statement on the claim's id, sent in the staff view's batch.</summary>
internal static class PriorClaims
{
    /// <summary>
    /// A UNION of index lookups (claims_id_number, claim_case_numbers_canonical, claims_patents) like screening's: the
    /// cost follows the matches, not the table. Drafts are left out: nothing was claimed by them. The last change of
    /// status comes from the claim's own events (claim_events_claim), read as the claim's history already is.
    /// </summary>
    public const string Sql = """
        WITH me AS (
            SELECT id, id_number, created_at,
                   ARRAY(SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(facts->'patentNumbers') = 'array'
                                                              THEN facts->'patentNumbers' ELSE '[]'::jsonb END)) AS patents
            FROM claims WHERE id = @id),
        cases AS (SELECT canonical FROM claim_case_numbers WHERE claim_id = @id),
        candidates AS (
            SELECT c.id FROM claims c WHERE c.id_number = (SELECT id_number FROM me)
            UNION
            SELECT n.claim_id FROM claim_case_numbers n WHERE n.canonical IN (SELECT canonical FROM cases)
            UNION
            SELECT c.id FROM claims c WHERE c.facts->'patentNumbers' ?| (SELECT patents FROM me))
        SELECT c.id, c.case_number AS casenumber, c.status, c.amount, c.submitted_at AS submittedat,
               last.at AS lastchangeat, last.reasoncode,
               array_to_string(ARRAY[
                   CASE WHEN c.id_number = me.id_number THEN 'same_identity' END,
                   CASE WHEN EXISTS (SELECT 1 FROM claim_case_numbers n WHERE n.claim_id = c.id AND n.canonical IN (SELECT canonical FROM cases))
                        THEN 'same_case' END,
                   CASE WHEN c.facts->'patentNumbers' ?| me.patents THEN 'same_patent' END]::text[], ',') AS relations
        FROM claims c CROSS JOIN me
        LEFT JOIN LATERAL (
            SELECT e.at, e.data->>'reasonCode' AS reasoncode FROM claim_events e
            WHERE e.claim_id = c.id AND e.from_status IS DISTINCT FROM e.to_status
            ORDER BY e.id DESC LIMIT 1) last ON true
        -- The candidates as one array of keys: the planner cannot tell how few they are and would otherwise read claims whole.
        WHERE c.id = ANY(ARRAY(SELECT id FROM candidates))
          AND c.id <> me.id AND c.status <> 'draft' AND c.created_at < me.created_at
        ORDER BY c.created_at DESC, c.id
        LIMIT 20 -- enough to show a history; older ones are in the claim list
        """;

    internal sealed record Row(Guid Id, string CaseNumber, string Status, decimal Amount, DateTime? SubmittedAt, DateTime? LastChangeAt,
        string? ReasonCode, string Relations)
    {
        public PriorClaimView ToView() => new(Id, CaseNumber, Status, Invariant.Money(Amount), SubmittedAt,
            Status is "submitted" or "under_review" or "supplement_requested" ? null : LastChangeAt, ReasonCode,
            Relations.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    public static async Task<IReadOnlyList<PriorClaimView>> ReadAsync(SqlMapper.GridReader batch) =>
        (await batch.ReadAsync<Row>()).Select(r => r.ToView()).ToList();
}
