-- The first answer to each Idempotency-Key, so that a client's retry gets that answer again instead of
-- doing the work twice. The scope is the user id (or 'anonymous:' and the client address), so two
-- callers' keys never collide. A row is 'in_progress' while its first request runs; other nodes
-- wait on it. Rows older than the key lifetime (24 h) count as absent and are overwritten in place.
CREATE TABLE idempotency_requests (
    scope                 text NOT NULL,
    key                   text NOT NULL,
    request_hash          text NOT NULL,
    status                text NOT NULL CHECK (status IN ('in_progress', 'completed')),
    response_status       integer,
    response_content_type text,
    response_headers      jsonb,
    response_body         bytea,
    created_at            timestamptz NOT NULL,
    completed_at          timestamptz,
    PRIMARY KEY (scope, key),
    CONSTRAINT idempotency_completed_has_answer CHECK (status = 'in_progress' OR response_status IS NOT NULL)
);
-- For whoever later prunes expired keys.
CREATE INDEX idempotency_requests_created ON idempotency_requests (created_at);
