using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// The SQL of screening, kept as text the plan test runs EXPLAIN on, so that what it checks is what runs.
/// Every lookup starts from an index (case number, invoice key, claim id): a submission costs the same
/// with a hundred claims on file as with a million.
/// </summary>
internal static class ScreeningQueries
{
    /// <summary>Statuses that block nobody, as SQL literals (a draft is not live; POLICY.md).</summary>
    public static readonly string NotLive = string.Join(", ",
        Enum.GetValues<ClaimStatus>().Where(s => !ClaimStatusGroups.IsLive(s)).Select(s => $"'{EnumCodes.ToCode(s)}'"));

    /// <summary>The claim's own case numbers (effective instance first) and invoice keys, read in the batch that locks the claim.</summary>
    public static readonly string[] OwnStatements =
    [
        "SELECT canonical FROM claim_case_numbers WHERE claim_id = @id ORDER BY NOT is_primary, canonical",
        "SELECT invoice_key FROM claim_invoices WHERE claim_id = @id ORDER BY position",
    ];

    /// <summary>One statement takes every lock, in one order everywhere, so two submissions cannot deadlock.</summary>
    public const string Lock = """
        SELECT pg_advisory_xact_lock(hashtextextended(k, 0))
        FROM (SELECT DISTINCT k FROM unnest(@keys::text[]) AS k ORDER BY k) AS ordered
        """;

    /// <summary>
    /// Other live claims sharing any case number, invoice or patent, each with all its numbers, invoices, patents and
    /// opponents. The lookups are a UNION of index scans (claims_patents is a GIN index over the facts' canonical
    /// patent numbers); a single WHERE joining them with OR made PostgreSQL read the table.
    /// </summary>
    public static readonly string Live = $"""
        SELECT c.id, c.applicant_id AS accountid, c.id_number AS idnumber, c.status,
               ARRAY(SELECT n.canonical FROM claim_case_numbers n WHERE n.claim_id = c.id ORDER BY n.canonical) AS casenumbers,
               ARRAY(SELECT i.invoice_key FROM claim_invoices i WHERE i.claim_id = c.id ORDER BY i.position) AS invoices,
               ARRAY(SELECT jsonb_array_elements_text(coalesce(c.facts->'patentNumbers', '[]'))) AS patentnumbers,
               ARRAY(SELECT jsonb_array_elements_text(coalesce(c.facts->'opposingParties', '[]'))) AS opposingparties
        FROM claims c
        WHERE c.id IN (SELECT claim_id FROM claim_case_numbers WHERE canonical = ANY(@cases)
                       UNION
                       SELECT claim_id FROM claim_invoices WHERE invoice_key = ANY(@invoices)
                       UNION
                       SELECT id FROM claims WHERE facts->'patentNumbers' ?| @patents)
          AND c.id <> @id AND c.status NOT IN ({NotLive})
        ORDER BY c.id
        """;

    /// <summary>A register import's lookup: claims in the given statuses with any of the register's case numbers, locked.</summary>
    public const string ClaimsForRegisterCases = """
        SELECT c.id, c.status, n.canonical AS canonicalcasenumber
        FROM claim_case_numbers n JOIN claims c ON c.id = n.claim_id
        WHERE n.canonical = ANY(@cases) AND c.status = ANY(@statuses)
        ORDER BY c.id, n.canonical
        FOR UPDATE OF c
        """;
}
