-- Payout batches: one row per batch, its progress and control totals, and the payment file it wrote.
CREATE TABLE payout_batches (
    id            uuid PRIMARY KEY,
    status        text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    -- 'manual' (a finance officer's request) or 'schedule' (the recurring job)
    origin        text NOT NULL CHECK (origin IN ('manual', 'schedule')),
    requested_by  uuid REFERENCES users (id),
    requested_at  timestamptz NOT NULL,
    job_id        text,
    started_at    timestamptz,
    completed_at  timestamptz,
    updated_at    timestamptz NOT NULL,
    -- every run of the job counts, so a batch that keeps failing is given up on
    attempts      integer NOT NULL DEFAULT 0,
    -- ready claims seen when the run began, for progress; claims gathered so far
    expected      integer NOT NULL DEFAULT 0,
    gathered      integer NOT NULL DEFAULT 0,
    -- control totals, written with the file: the count and sum of the batch's payments
    claim_count   integer NOT NULL DEFAULT 0,
    total_amount  numeric(14, 2) NOT NULL DEFAULT 0,
    file_csv      bytea,
    file_sha256   text,
    last_error    text,
    CONSTRAINT payout_batches_file_when_completed CHECK (status <> 'completed' OR file_csv IS NOT NULL)
);
CREATE INDEX payout_batches_requested ON payout_batches (requested_at DESC);

-- The bank's reference for each payment, from a sequence so that references are short and never reused.
CREATE SEQUENCE payment_reference_seq;

-- One payment per claim per attempt. The payee is copied from the claim when the payment is made: the
-- file and the bank's results speak of that account even if the claim's is corrected later.
CREATE TABLE payments (
    id              uuid PRIMARY KEY,
    batch_id        uuid NOT NULL REFERENCES payout_batches (id),
    claim_id        uuid NOT NULL REFERENCES claims (id),
    reference       text NOT NULL UNIQUE,
    payee_name      text NOT NULL,
    bank_name       text NOT NULL,
    account_number  text NOT NULL,
    amount          numeric(14, 2) NOT NULL CHECK (amount > 0),
    state           text NOT NULL CHECK (state IN ('pending', 'paid', 'failed')),
    created_at      timestamptz NOT NULL,
    settled_at      timestamptz,
    bank_message    text
);
CREATE INDEX payments_batch ON payments (batch_id, reference);
-- Never paid twice: a claim has at most one payment open or paid. A failed one may be followed by another.
CREATE UNIQUE INDEX payments_one_live_per_claim ON payments (claim_id) WHERE state IN ('pending', 'paid');

-- Each bank results file applied to a batch, with what it changed.
CREATE TABLE bank_result_imports (
    id           uuid PRIMARY KEY,
    batch_id     uuid NOT NULL REFERENCES payout_batches (id),
    sha256       text NOT NULL,
    line_count   integer NOT NULL,
    paid         integer NOT NULL,
    failed       integer NOT NULL,
    unchanged    integer NOT NULL,
    imported_by  uuid REFERENCES users (id),
    imported_at  timestamptz NOT NULL
);
CREATE INDEX bank_result_imports_batch ON bank_result_imports (batch_id, imported_at);

-- Recoveries (追回): a paid claim found to be funded elsewhere after payment. The register row that
-- showed it is kept as it was read; finance records how the money came back.
CREATE TABLE recoveries (
    id               uuid PRIMARY KEY,
    claim_id         uuid NOT NULL REFERENCES claims (id),
    register_row_id  uuid NOT NULL,
    -- as the claim read when the recovery was opened, for the list finance and auditors work from
    applicant_name   text NOT NULL,
    case_number      text NOT NULL,
    amount           numeric(14, 2) NOT NULL CHECK (amount > 0),
    reason           text NOT NULL,
    register_row     jsonb NOT NULL,
    opened_at        timestamptz NOT NULL,
    state            text NOT NULL CHECK (state IN ('open', 'settled')),
    settled_by       uuid REFERENCES users (id),
    settled_at       timestamptz,
    method           text CHECK (method IN ('refunded', 'offset', 'written_off')),
    settled_amount   numeric(14, 2),
    settlement_ref   text,
    note             text,
    UNIQUE (claim_id, register_row_id)
);
CREATE INDEX recoveries_open ON recoveries (state, opened_at);
