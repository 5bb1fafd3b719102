-- The finance bureau's budget per fiscal year. The running figures are kept on the row so that an
-- approval checks and reserves under one row lock; budget_entries hold the claim-by-claim detail the
-- figures are the sums of.
CREATE TABLE budgets (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2999),
    amount      numeric(14, 2) NOT NULL CHECK (amount >= 0),
    reserved    numeric(14, 2) NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    paid        numeric(14, 2) NOT NULL DEFAULT 0 CHECK (paid >= 0),
    updated_at  timestamptz NOT NULL,
    updated_by  uuid REFERENCES users (id),
    CONSTRAINT budgets_never_overspent CHECK (reserved + paid <= amount)
);

-- One entry per claim: what its approval reserved, and whether that was paid or released since.
CREATE TABLE budget_entries (
    claim_id    uuid PRIMARY KEY REFERENCES claims (id),
    year        integer NOT NULL REFERENCES budgets (year),
    amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
    state       text NOT NULL CHECK (state IN ('reserved', 'paid', 'released')),
    reserved_at timestamptz NOT NULL,
    settled_at  timestamptz
);
CREATE INDEX budget_entries_year ON budget_entries (year, state);

-- The public notice: approval sets its last day; the sweep moves claims whose notice has passed.
ALTER TABLE claims ADD COLUMN notice_ends_on date;
ALTER TABLE claims ADD COLUMN approved_by uuid REFERENCES users (id);
ALTER TABLE claims ADD COLUMN approved_at timestamptz;
CREATE INDEX claims_notice_due ON claims (notice_ends_on) WHERE status = 'in_public_notice';

-- Letters: numbered from a gapless sequence per year, taken in the issuing transaction (a rolled-back
-- approval gives its number back), stored with the SHA-256 of the exact bytes handed out.
CREATE TABLE letter_sequences (
    year      integer PRIMARY KEY,
    last_seq  integer NOT NULL
);

CREATE TABLE letters (
    id             uuid PRIMARY KEY,
    claim_id       uuid NOT NULL REFERENCES claims (id),
    kind           text NOT NULL CHECK (kind IN ('approval', 'rejection')),
    year           integer NOT NULL,
    seq            integer NOT NULL,
    number         text NOT NULL UNIQUE,
    -- as printed: the register of letters must not change when a claim is edited later
    applicant_name text NOT NULL,
    amount         numeric(14, 2) NOT NULL,
    issued_at      timestamptz NOT NULL,
    issued_by      uuid REFERENCES users (id),
    pdf            bytea NOT NULL,
    sha256         text NOT NULL,
    revoked_at     timestamptz,
    revoked_reason text,
    UNIQUE (year, seq)
);
CREATE INDEX letters_claim ON letters (claim_id, issued_at DESC);
CREATE INDEX letters_issued ON letters (issued_at);

-- The claim's current letter, as API.md's claim shows it ({number, sha256}); cleared when revoked.
ALTER TABLE claims ADD COLUMN letter_number text;
ALTER TABLE claims ADD COLUMN letter_sha256 text;
