-- The application number (受理编号) a claim is known by, "2026-000123": taken at its first submission, inside the
-- submitting transaction, from a per-year counter row. A submission rolled back gives its number back (the row's
-- update is rolled back with it), so the year's numbers have no gaps; the row stays locked until the submission
-- commits, so two submissions at once get consecutive numbers. The claim's id stays the API's identifier.
CREATE TABLE application_number_sequences (
    year      integer PRIMARY KEY,
    last_seq  integer NOT NULL
);

ALTER TABLE claims
    ADD COLUMN application_number text,
    -- 审核时限: the last working day of the review, from the policy version, set at each submission.
    ADD COLUMN review_due_on date,
    -- 补正期限: the last day to put a supplement right, set by the service when a verifier asks for one.
    ADD COLUMN supplement_due_on date;

CREATE UNIQUE INDEX claims_application_number ON claims (application_number);

-- Claims submitted before numbers existed are numbered in the order they were first submitted, by the year of
-- their submission in China time.
WITH numbered AS (
    SELECT id, extract(year FROM submitted_at AT TIME ZONE 'Asia/Shanghai')::int AS year,
           row_number() OVER (PARTITION BY extract(year FROM submitted_at AT TIME ZONE 'Asia/Shanghai')
                              ORDER BY submitted_at, id) AS seq
    FROM claims WHERE submitted_at IS NOT NULL
)
UPDATE claims c SET application_number = n.year || '-' || lpad(n.seq::text, 6, '0')
FROM numbered n WHERE n.id = c.id;

INSERT INTO application_number_sequences (year, last_seq)
SELECT split_part(application_number, '-', 1)::int, max(split_part(application_number, '-', 2)::int)
FROM claims WHERE application_number IS NOT NULL
GROUP BY 1;

-- The supplement reminder is sent once for each deadline (a later request with a new deadline has its own).
CREATE TABLE supplement_reminders (
    claim_id  uuid NOT NULL REFERENCES claims (id),
    due_on    date NOT NULL,
    sent_at   timestamptz NOT NULL,
    PRIMARY KEY (claim_id, due_on)
);
