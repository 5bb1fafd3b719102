-- Other levels of government publish who they funded; a verifier imports those lists so that a claim
-- for a case already funded elsewhere is caught.
CREATE TABLE funding_register_imports (
    id          uuid PRIMARY KEY,
    file_name   text NOT NULL,
    sha256      text NOT NULL,
    row_count   integer NOT NULL,
    imported_by uuid NOT NULL REFERENCES users (id),
    imported_at timestamptz NOT NULL
);

CREATE TABLE funding_register_rows (
    id                    uuid PRIMARY KEY,
    import_id             uuid NOT NULL REFERENCES funding_register_imports (id),
    line_number           integer NOT NULL,
    source                text NOT NULL,
    level                 text NOT NULL,
    recipient_name        text NOT NULL,
    recipient_id          text,
    case_number           text NOT NULL,
    canonical_case_number text NOT NULL,
    amount                numeric(14, 2) NOT NULL,
    awarded_on            date,
    programme             text
);
CREATE INDEX funding_register_rows_case ON funding_register_rows (canonical_case_number);
