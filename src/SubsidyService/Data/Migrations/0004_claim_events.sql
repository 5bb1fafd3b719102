-- Every transition and decision about a claim, hash-chained: each row stores SHA-256 over its own
-- canonical content and the previous row's hash, so an edited or deleted row breaks the chain.
CREATE TABLE claim_events (
    id          bigint PRIMARY KEY,
    claim_id    uuid REFERENCES claims (id),
    at          timestamptz NOT NULL,
    actor_id    uuid,
    actor       text NOT NULL,
    trigger     text NOT NULL,
    from_status text,
    to_status   text,
    reason      text,
    -- json, not jsonb: the exact text that was hashed is kept
    data        json,
    prev_hash   text NOT NULL,
    hash        text NOT NULL
);
CREATE SEQUENCE claim_events_id_seq OWNED BY claim_events.id;
CREATE INDEX claim_events_claim ON claim_events (claim_id, id);
CREATE INDEX claim_events_at ON claim_events (at);

-- Append-only: the service's own statements cannot change or remove a row; only deliberate DDL or a
-- superuser session with triggers switched off can, and the hash chain then shows it.
CREATE FUNCTION claim_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'claim_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER claim_events_no_update BEFORE UPDATE OR DELETE ON claim_events
    FOR EACH ROW EXECUTE FUNCTION claim_events_append_only();
CREATE TRIGGER claim_events_no_truncate BEFORE TRUNCATE ON claim_events
    FOR EACH STATEMENT EXECUTE FUNCTION claim_events_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON claim_events FROM PUBLIC;
