-- The intake reference: one claim created and submitted, as the SQL statements the service sends to PostgreSQL for
-- POST /api/v1/claims and POST /api/v1/claims/{id}/transitions {submit}, in the same transactions and the same order.
-- Taken from the server's log (log_statement = all) for one claim on commit e057ca2 (before the screening rework).
-- What the service computes on the client is derived from random numbers here or fixed: the ids, the canonical case
-- number, the event's SHA-256. Left out: Npgsql's DISCARD ALL when a pooled connection is reused (sent in the same
-- round trip as the next statement), and the service's reads on a second pooled connection are made on this one.
-- JSON booleans follow a space (": true"): pgbench would read ":true" as a variable.
-- Each client acts as a seeded applicant (Seeder: applicant n = a0000000-0000-4000-8000-{n in 12 hex digits}).
\set app_n :client_id + 1
\set n random(1, 281474976710655)

-- POST /api/v1/claims: the token's security stamp, the policy version in force on the judgment date
SELECT security_stamp, disabled_at FROM users WHERE id = ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0'))::uuid;
SELECT id, effective_from AS effectivefrom, effective_to AS effectiveto, definition::text AS definition FROM policy_versions WHERE daterange(effective_from, effective_to, '[]') @> '2024-05-20'::date ORDER BY effective_from DESC, id LIMIT 1;
-- ClaimIntake.CreateAsync: draft quota, claim, invoices, event (EventLog.AppendAsync), in one transaction
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
SELECT pg_advisory_xact_lock(hashtextextended('drafts:' || ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0')), 0));
SELECT count(*) FROM claims WHERE applicant_id = ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0'))::uuid AND status = 'draft';
INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number, case_number, canonical_case_number, policy_version, amount, created_at, updated_at) VALUES (('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid, ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0'))::uuid, 'draft', 1, ('{"applicantType":"natural_person","name":"\u5F20\u660E","idNumber":"33010219800101123X","domicileInCounty": true,"caseNumber":"\uFF082024\uFF09\u6D5902\u6C11\u521D' || :n::text || '\u53F7","court":"\u5B81\u6CE2\u5E02\u4E2D\u7EA7\u4EBA\u6C11\u6CD5\u9662","caseType":"patent_infringement","outcome":"won","judgmentEffectiveDate":"2024-05-20","foreignRelated": false,"majorImpact": false,"agencyFee":"8000.00","invoices":[{"number":"9' || :n::text || '","amount":"8000.00","issuedOn":"2024-03-01"}],"otherFunding":[]}')::jsonb, '{"bankName":"\u4E2D\u56FD\u5DE5\u5546\u94F6\u884C\u67D0\u53BF\u652F\u884C","accountName":"\u5F20\u660E","accountNumber":"6222021234567890"}'::jsonb, 'natural_person', '张明', '33010219800101123X', '（2024）浙02民初' || :n::text || '号', '(2024)浙02民初' || :n::text || '号', '2023-item13', 4000.00, now(), now());
DELETE FROM claim_invoices WHERE claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid;
INSERT INTO claim_invoices (claim_id, position, number_digits, amount) VALUES (('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid, 0, '9' || :n::text, 8000.00);
SELECT pg_advisory_xact_lock(76236832265299);
SELECT hash AS prev_hash FROM claim_events ORDER BY id DESC LIMIT 1 \gset
SELECT nextval('claim_events_id_seq') AS event_id \gset
INSERT INTO claim_events (id, claim_id, at, actor_id, actor, trigger, from_status, to_status, reason, data, prev_hash, hash) VALUES (:event_id, ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid, now(), ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0'))::uuid, '种子申请人', 'create', NULL, 'draft', NULL, '{"amount":"4000.00","policyVersion":"2023-item13"}'::json, :prev_hash, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
COMMIT;
-- ClaimReader.GetAsync: the answer (claim, flags, policy version, history, documents, the applicant's name)
SELECT id, applicant_id, status, version, facts::text AS facts, bank_account::text AS bank_account, applicant_type, applicant_name, id_number, case_number, canonical_case_number, policy_version, amount, verified_by, verified_at, verification::text AS verification, created_at, updated_at, submitted_at FROM claims WHERE id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid;
SELECT * FROM screening_flags WHERE claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid ORDER BY raised_at, code;
SELECT id, effective_from AS effectivefrom, effective_to AS effectiveto, definition::text AS definition FROM policy_versions WHERE id = '2023-item13';
SELECT e.id, e.at, e.actor_id AS actorid, e.actor, u.role AS actorrole, u.display_name AS actordisplayname, e.trigger, e.from_status AS fromstatus, e.to_status AS tostatus, e.reason, e.data::text AS data FROM claim_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid ORDER BY e.id;
SELECT id, claim_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM claim_documents WHERE claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid AND removed_at IS NULL ORDER BY uploaded_at;
SELECT display_name FROM users WHERE id = ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0'))::uuid;

-- POST /api/v1/claims/{id}/transitions {submit}: the stamp, then ClaimTransitions.FireAsync in one transaction
SELECT security_stamp, disabled_at FROM users WHERE id = ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0'))::uuid;
BEGIN TRANSACTION ISOLATION LEVEL READ COMMITTED;
SELECT id, applicant_id, status, version, facts::text AS facts, bank_account::text AS bank_account, applicant_type, applicant_name, id_number, case_number, canonical_case_number, policy_version, amount, verified_by, verified_at, verification::text AS verification, created_at, updated_at, submitted_at FROM claims WHERE id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid FOR UPDATE;
SELECT * FROM screening_flags WHERE claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid ORDER BY raised_at, code;
SELECT id, effective_from AS effectivefrom, effective_to AS effectiveto, definition::text AS definition FROM policy_versions WHERE id = '2023-item13';
-- SubmissionScreening.ScreenAsync: invoices, the case's and invoices' advisory locks, live claims, register rows
SELECT number_digits FROM claim_invoices WHERE claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid ORDER BY position;
SELECT pg_advisory_xact_lock(hashtextextended('case:(2024)浙02民初' || :n::text || '号', 0));
SELECT pg_advisory_xact_lock(hashtextextended('invoice:9' || :n::text, 0));
SELECT c.id, c.id_number AS idnumber, c.canonical_case_number AS canonicalcasenumber, c.status, coalesce(array_agg(i.number_digits) FILTER (WHERE i.number_digits IS NOT NULL), '{}') AS invoices FROM claims c LEFT JOIN claim_invoices i ON i.claim_id = c.id WHERE c.id <> ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid AND c.status NOT IN ('rejected', 'withdrawn') AND (c.canonical_case_number = '(2024)浙02民初' || :n::text || '号' OR c.id IN (SELECT claim_id FROM claim_invoices WHERE number_digits = ANY(ARRAY['9' || :n::text]))) GROUP BY c.id;
SELECT id AS rowid, source, level, recipient_name AS recipientname, canonical_case_number AS canonicalcasenumber, amount FROM funding_register_rows WHERE canonical_case_number = '(2024)浙02民初' || :n::text || '号';
-- TransitionEffects (submit), ClaimStore.SetStatusAsync, EventLog.AppendAsync
UPDATE claims SET submitted_at = coalesce(submitted_at, now()) WHERE id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid;
UPDATE claims SET status = 'submitted', version = version + 1, updated_at = now() WHERE id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid;
SELECT pg_advisory_xact_lock(76236832265299);
SELECT hash AS prev_hash FROM claim_events ORDER BY id DESC LIMIT 1 \gset
SELECT nextval('claim_events_id_seq') AS event_id \gset
INSERT INTO claim_events (id, claim_id, at, actor_id, actor, trigger, from_status, to_status, reason, data, prev_hash, hash) VALUES (:event_id, ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid, now(), ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0'))::uuid, '种子申请人', 'submit', 'draft', 'submitted', NULL, '{"flags":[]}'::json, :prev_hash, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
COMMIT;
-- ClaimReader.GetAsync again: the answer
SELECT id, applicant_id, status, version, facts::text AS facts, bank_account::text AS bank_account, applicant_type, applicant_name, id_number, case_number, canonical_case_number, policy_version, amount, verified_by, verified_at, verification::text AS verification, created_at, updated_at, submitted_at FROM claims WHERE id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid;
SELECT * FROM screening_flags WHERE claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid ORDER BY raised_at, code;
SELECT id, effective_from AS effectivefrom, effective_to AS effectiveto, definition::text AS definition FROM policy_versions WHERE id = '2023-item13';
SELECT e.id, e.at, e.actor_id AS actorid, e.actor, u.role AS actorrole, u.display_name AS actordisplayname, e.trigger, e.from_status AS fromstatus, e.to_status AS tostatus, e.reason, e.data::text AS data FROM claim_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid ORDER BY e.id;
SELECT id, claim_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at FROM claim_documents WHERE claim_id = ('b0000000-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))::uuid AND removed_at IS NULL ORDER BY uploaded_at;
SELECT display_name FROM users WHERE id = ('a0000000-0000-4000-8000-' || lpad(to_hex(:app_n::bigint), 12, '0'))::uuid;
