-- Materials before verification (POLICY.md "Materials", 一次告知): two more kinds of evidence, the proof that the
-- agency fee was paid and the certificate that the judgment took effect.
ALTER TABLE claim_documents DROP CONSTRAINT claim_documents_kind_check;
ALTER TABLE claim_documents ADD CONSTRAINT claim_documents_kind_check
    CHECK (kind IN ('judgment', 'agency_contract', 'invoice', 'payment_proof', 'id_proof', 'effect_proof', 'other'));

-- Each policy version names the kinds a claim must carry before it is verified. Versions stored before this
-- release get the default written into their definition, so that what they require is data, not code that a
-- later release might change under them.
UPDATE policy_versions
SET definition = definition || '{"requiredDocuments": ["judgment", "agency_contract", "invoice", "payment_proof", "id_proof"]}'::jsonb
WHERE NOT definition ? 'requiredDocuments';
