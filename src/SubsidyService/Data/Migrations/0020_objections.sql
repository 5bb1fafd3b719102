-- Objections (异议) received during a claim's public notice, and how each was handled: sustained (the claim went
-- back to review through `object`) or answered and dismissed with the reply. The objector and the contact are here
-- in clear for staff and auditors; the chained log keeps them only masked and fingerprinted.
CREATE TABLE objections (
    id              uuid PRIMARY KEY,
    claim_id        uuid NOT NULL REFERENCES claims (id),
    -- the claim as the notice named it when the objection came, for the lists (as recoveries keep it)
    applicant_name  text NOT NULL,
    case_number     text NOT NULL,
    objector        text,
    contact         text,
    content         text NOT NULL CHECK (btrim(content) <> ''),
    received_at     timestamptz NOT NULL,
    recorded_by     uuid NOT NULL REFERENCES users (id),
    -- as the staff member was named then, for the lists
    recorded_by_name text NOT NULL,
    outcome         text CHECK (outcome IN ('sustained', 'dismissed')),
    reply           text,
    handled_by      uuid REFERENCES users (id),
    handled_by_name text,
    handled_at      timestamptz,
    CHECK ((outcome IS NULL) = (handled_at IS NULL) AND (outcome IS NULL) = (handled_by IS NULL)),
    -- a dismissal is an answer: it always has its reply
    CHECK (outcome IS DISTINCT FROM 'dismissed' OR btrim(coalesce(reply, '')) <> '')
);
CREATE INDEX objections_claim ON objections (claim_id, received_at);
CREATE INDEX objections_received ON objections (received_at DESC, id);
-- The notice sweep asks whether a claim still has an objection nobody has handled.
CREATE INDEX objections_open ON objections (claim_id) WHERE outcome IS NULL;
