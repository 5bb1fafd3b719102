-- The event log, chained per claim and sealed into checkpoints (DESIGN.md "How data flows" 6).
--
-- Rows written before this migration were chained one after another across the whole county
-- (hash_version 1) and are verified that way; every row from now on is chained to the previous event of
-- its own claim, and the events of no claim to each other (hash_version 2, which is part of what is hashed).
ALTER TABLE claim_events ADD COLUMN hash_version smallint NOT NULL DEFAULT 1;
ALTER TABLE claim_events ALTER COLUMN hash_version DROP DEFAULT;
-- A writer that forgot the claim's row lock would fork the chain: two events after the same one. The
-- second to commit fails here instead.
CREATE UNIQUE INDEX claim_events_one_successor
    ON claim_events (coalesce(claim_id, '00000000-0000-0000-0000-000000000000'::uuid), prev_hash) WHERE hash_version = 2;
CREATE INDEX claim_events_unclaimed ON claim_events (id) WHERE claim_id IS NULL;
CREATE INDEX claim_events_legacy ON claim_events (id) WHERE hash_version = 1;

-- A checkpoint seals every event committed and not yet sealed: the RFC 6962 Merkle root over them (in id
-- order), the previous checkpoint's hash, and an HMAC-SHA256 with a key kept outside the database.
-- Checkpoint ids count 1, 2, 3… without gaps (the sealer takes them under its lock).
CREATE TABLE audit_checkpoints (
    id          bigint PRIMARY KEY,
    sealed_at   timestamptz NOT NULL,
    event_count integer NOT NULL,
    merkle_root text NOT NULL,
    prev_hash   text NOT NULL,
    hash        text NOT NULL,
    mac         text NOT NULL
);

-- Which checkpoint sealed which event. Finding the events to seal is an anti-join on this table, never
-- an id range: ids are taken before commit, so a slow transaction's event can commit after a higher id
-- was sealed, and must still be sealed by the next checkpoint.
CREATE TABLE audit_checkpoint_events (
    event_id      bigint PRIMARY KEY,
    checkpoint_id bigint NOT NULL REFERENCES audit_checkpoints (id)
);
CREATE INDEX audit_checkpoint_events_checkpoint ON audit_checkpoint_events (checkpoint_id, event_id);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_events_no_update BEFORE UPDATE OR DELETE ON audit_checkpoint_events
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoint_events_no_truncate BEFORE TRUNCATE ON audit_checkpoint_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoints, audit_checkpoint_events FROM PUBLIC;

-- Hangfire creates its tables here at start-up as the service's role; the migrator grants that role
-- USAGE and CREATE on this schema.
CREATE SCHEMA IF NOT EXISTS hangfire;
