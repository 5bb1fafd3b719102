-- A register match on a paid claim only proposes a recovery: a person confirms it (same case, and the register's
-- recipient is this applicant) or dismisses it with a reason. A recovery may also be opened directly, on other
-- grounds (POLICY.md "Recovery and bars"). Settlement methods take the policy's names.
ALTER TABLE recoveries ALTER COLUMN register_row_id DROP NOT NULL;
ALTER TABLE recoveries ALTER COLUMN register_row DROP NOT NULL;
ALTER TABLE recoveries ADD COLUMN grounds text NOT NULL DEFAULT 'duplicate_funding'
    CHECK (grounds IN ('duplicate_funding', 'fraud', 'judgment_overturned', 'other'));
ALTER TABLE recoveries ADD COLUMN opened_by uuid REFERENCES users (id);
ALTER TABLE recoveries ADD COLUMN decided_by uuid REFERENCES users (id);
ALTER TABLE recoveries ADD COLUMN decided_at timestamptz;
ALTER TABLE recoveries ADD COLUMN decision_reason text;

ALTER TABLE recoveries DROP CONSTRAINT recoveries_state_check;
ALTER TABLE recoveries ADD CONSTRAINT recoveries_state_check CHECK (state IN ('proposed', 'open', 'settled', 'dismissed'));

ALTER TABLE recoveries DROP CONSTRAINT recoveries_method_check;
UPDATE recoveries SET method = 'repaid' WHERE method = 'refunded';
ALTER TABLE recoveries ADD CONSTRAINT recoveries_method_check CHECK (method IN ('repaid', 'offset', 'written_off'));

-- The undertaking (承诺书) the applicant accepted at the latest submission: which text, by version and SHA-256.
-- The submit event keeps it too; the claim row holds it for the letters and notices that cite it.
ALTER TABLE claims ADD COLUMN undertaking_version text;
ALTER TABLE claims ADD COLUMN undertaking_sha256 text;

-- A corrected payee account is a flag a verifier resolves before the payment is retried.
ALTER TABLE screening_flags DROP CONSTRAINT screening_flags_code_check;
ALTER TABLE screening_flags ADD CONSTRAINT screening_flags_code_check
    CHECK (code IN ('shared_case', 'external_funding_match', 'identity_conflict', 'same_dispute', 'domicile_unverified', 'bank_account_changed'));
