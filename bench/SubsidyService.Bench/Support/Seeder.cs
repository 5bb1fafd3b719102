using Npgsql;

namespace SubsidyService.Bench;

/// <summary>
/// Rows put straight into the service's database with INSERT … SELECT generate_series, so a scenario can start on a
/// database that already holds many claims. Seeded applicants and claims have ids made from their number, so the
/// pgbench reference can name them: applicant n is a0000000-0000-4000-8000-{n as 12 hex digits}, claim n c0000000-….
/// Seeded events carry placeholder hashes and are sealed by a placeholder checkpoint: the audit chain of a benchmark
/// database is not meant to verify.
/// </summary>
public static class Seeder
{
    /// <summary>Five claims per applicant at 100,000 claims.</summary>
    public const int Applicants = 20_000;

    // Statuses in turn: mostly past submission (a live county's table), some closed, one in twenty a draft.
    private const string Statuses = "ARRAY['draft','submitted','submitted','submitted','under_review','under_review','supplement_requested','verified'," +
                                    "'paid','paid','paid','paid','paid','paid','rejected','rejected','rejected','withdrawn','in_public_notice','ready_for_payout']";

    private const string Facts = """
        {"applicantType":"natural_person","name":"张明","idNumber":"@ID@","domicileInCounty":true,"caseNumber":"@CASE@",
         "court":"宁波市中级人民法院","caseType":"patent_infringement","outcome":"won","judgmentEffectiveDate":"2023-05-20",
         "foreignRelated":false,"majorImpact":false,"agencyFee":"8000.00",
         "invoices":[{"number":"@INVOICE@","amount":"8000.00","issuedOn":"2023-03-01"}],"otherFunding":[]}
        """;

    public static async Task SeedApplicantsAsync(NpgsqlConnection conn)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO users (id, username, password_hash, email, display_name, role, created_at)
            SELECT ('a0000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid, 'seed.' || n, 'seeded: never signs in',
                   'seed' || n || '@bench.example', '种子申请人' || n, 'applicant', now()
            FROM generate_series(1, $1) n
            ON CONFLICT DO NOTHING
            """, conn);
        cmd.Parameters.AddWithValue(Applicants);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Claims <paramref name="from"/> … <paramref name="to"/> (1-based), each with one invoice and its events; then ANALYZE.</summary>
    public static async Task SeedClaimsAsync(NpgsqlConnection conn, int from, int to)
    {
        if (to < from) return;
        await using var tx = await conn.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE seed (n int, id uuid, applicant uuid, status text, case_number text, canonical text, invoice text, at timestamptz) ON COMMIT DROP",
            conn, tx))
            await create.ExecuteNonQueryAsync();
        foreach (var sql in new[]
        {
            $$"""
            INSERT INTO seed
            SELECT n, ('c0000000-0000-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid AS id,
                   ('a0000000-0000-4000-8000-' || lpad(to_hex(1 + (n - 1) % $3), 12, '0'))::uuid AS applicant,
                   ({{Statuses}})[1 + n % 20] AS status,
                   '（2023）浙02民初' || n || '号' AS case_number, '(2023)浙02民初' || n || '号' AS canonical,
                   '6' || lpad(n::text, 10, '0') AS invoice,
                   now() - make_interval(secs => 200000 - n) AS at
            FROM generate_series($1, $2) n
            """,
            """
            INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                case_number, canonical_case_number, policy_version, amount, created_at, updated_at, submitted_at)
            SELECT id, applicant, status, CASE WHEN status = 'draft' THEN 1 ELSE 3 END,
                   replace(replace(replace($4, '@CASE@', case_number), '@INVOICE@', invoice), '@ID@', $5)::jsonb,
                   '{"bankName":"中国工商银行某县支行","accountName":"张明","accountNumber":"6222021234567890"}'::jsonb,
                   'natural_person', '张明', $5, case_number, canonical, '2023-item13', 4000.00, at, at,
                   CASE WHEN status = 'draft' THEN NULL ELSE at END
            FROM seed ORDER BY n
            """,
            """
            INSERT INTO claim_invoices (claim_id, position, number_digits, invoice_key, amount)
            SELECT id, 0, invoice, invoice, 8000.00 FROM seed ORDER BY n
            """,
            """
            INSERT INTO claim_case_numbers (claim_id, canonical, is_primary)
            SELECT id, canonical, true FROM seed ORDER BY n
            """,
            """
            INSERT INTO claim_events (id, claim_id, at, actor_id, actor, trigger, from_status, to_status, reason, data, prev_hash, hash, hash_version)
            SELECT nextval('claim_events_id_seq'), s.id, s.at + e.k * interval '1 second', s.applicant, '种子申请人', e.trigger, e.from_status, e.to_status,
                   NULL, e.data::json, repeat(e.k::text, 64), repeat((e.k + 1)::text, 64), 2
            FROM seed s
            CROSS JOIN LATERAL (VALUES (0, 'create', NULL, 'draft', '{"amount":"4000.00","policyVersion":"2023-item13"}'),
                                       (1, 'submit', 'draft', 'submitted', '{"flags":[]}')) AS e(k, trigger, from_status, to_status, data)
            WHERE e.k = 0 OR s.status <> 'draft'
            ORDER BY s.n, e.k
            """,
            // A county's older events were sealed long ago: one placeholder checkpoint seals the seeded ones, so the
            // service's sealer (every minute) does not spend the measured run on them. Under the sealer's own lock.
            "SELECT pg_advisory_xact_lock(91556913366354)", // AdvisoryLocks.CheckpointSeal (0x5345414C4552)
            """
            WITH last AS (SELECT coalesce(max(id), 0) + 1 AS id FROM audit_checkpoints),
                 checkpoint AS (
                     INSERT INTO audit_checkpoints (id, sealed_at, event_count, merkle_root, prev_hash, hash, mac)
                     SELECT last.id, now(), (SELECT count(*) FROM claim_events e JOIN seed s ON s.id = e.claim_id), repeat('0', 64), repeat('0', 64),
                            repeat('0', 64), 'seeded: not a real checkpoint'
                     FROM last
                     RETURNING id)
            INSERT INTO audit_checkpoint_events (event_id, checkpoint_id)
            SELECT e.id, checkpoint.id FROM claim_events e JOIN seed s ON s.id = e.claim_id, checkpoint
            """,
        })
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx);
            cmd.Parameters.AddWithValue(from);
            cmd.Parameters.AddWithValue(to);
            cmd.Parameters.AddWithValue(Applicants);
            cmd.Parameters.AddWithValue(Facts.ReplaceLineEndings(""));
            cmd.Parameters.AddWithValue(Api.PersonId);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await AnalyzeAsync(conn);
    }

    /// <summary>What autovacuum would have done by the time a real table reached this size.</summary>
    public static async Task AnalyzeAsync(NpgsqlConnection conn)
    {
        await using var cmd = new NpgsqlCommand("ANALYZE users, claims, claim_invoices, claim_case_numbers, claim_events, audit_checkpoint_events, funding_register_rows", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
