-- Claims: the facts as the applicant gave them (jsonb, in the API's shape), the columns screening
-- and queues search on, and the figures of the latest evaluation.
CREATE TABLE claims (
    id                    uuid PRIMARY KEY,
    applicant_id          uuid NOT NULL REFERENCES users (id),
    status                text NOT NULL,
    version               integer NOT NULL DEFAULT 1,
    facts                 jsonb NOT NULL,
    bank_account          jsonb NOT NULL,
    applicant_type        text NOT NULL,
    applicant_name        text NOT NULL,
    id_number             text NOT NULL,
    case_number           text NOT NULL,
    canonical_case_number text NOT NULL,
    policy_version        text NOT NULL,
    amount                numeric(14, 2) NOT NULL,
    -- what the verifier decided on verification (null before)
    verified_by           uuid REFERENCES users (id),
    verified_at           timestamptz,
    verification          jsonb,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    submitted_at          timestamptz,
    CONSTRAINT claims_status_known CHECK (status IN ('draft', 'submitted', 'under_review', 'supplement_requested',
        'verified', 'in_public_notice', 'ready_for_payout', 'in_payout', 'paid', 'payout_failed', 'rejected', 'withdrawn'))
);
CREATE INDEX claims_applicant ON claims (applicant_id, created_at DESC);
CREATE INDEX claims_status ON claims (status, submitted_at);
-- Duplicate screening looks up live claims by canonical case number.
CREATE INDEX claims_live_case ON claims (canonical_case_number) WHERE status NOT IN ('rejected', 'withdrawn');

-- Invoice numbers by their digits: reuse on another live claim refuses a submission.
CREATE TABLE claim_invoices (
    claim_id       uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    position       integer NOT NULL,
    number_digits  text NOT NULL,
    amount         numeric(14, 2) NOT NULL,
    PRIMARY KEY (claim_id, position)
);
CREATE INDEX claim_invoices_digits ON claim_invoices (number_digits);

-- Evidence, kept in the database so that every node serves it.
CREATE TABLE claim_documents (
    id            uuid PRIMARY KEY,
    claim_id      uuid NOT NULL REFERENCES claims (id),
    kind          text NOT NULL CHECK (kind IN ('judgment', 'agency_contract', 'invoice', 'id_proof', 'other')),
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size_bytes    integer NOT NULL,
    sha256        text NOT NULL,
    content       bytea NOT NULL,
    uploaded_by   uuid NOT NULL REFERENCES users (id),
    uploaded_at   timestamptz NOT NULL,
    removed_at    timestamptz,
    removed_by    uuid REFERENCES users (id)
);
CREATE INDEX claim_documents_claim ON claim_documents (claim_id) WHERE removed_at IS NULL;

-- Screening flags raised at submission or by a register import; a person resolves each.
CREATE TABLE screening_flags (
    id                      uuid PRIMARY KEY,
    claim_id                uuid NOT NULL REFERENCES claims (id),
    code                    text NOT NULL CHECK (code IN ('shared_case', 'external_funding_match')),
    detail                  text NOT NULL,
    matched_claim_id        uuid REFERENCES claims (id),
    matched_register_row_id uuid,
    raised_at               timestamptz NOT NULL,
    resolution              text CHECK (resolution IN ('confirm', 'dismiss')),
    resolved_by             uuid REFERENCES users (id),
    resolved_at             timestamptz,
    resolution_reason       text
);
CREATE INDEX screening_flags_claim ON screening_flags (claim_id);
-- The same match is flagged once, however often screening runs again.
CREATE UNIQUE INDEX screening_flags_once ON screening_flags (claim_id, code, coalesce(matched_claim_id, matched_register_row_id));
