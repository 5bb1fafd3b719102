-- Mail waiting to be sent (the transactional outbox): written in the same transaction as the change
-- that causes it, sent later by every node's sender, which claims one row at a time with
-- FOR UPDATE SKIP LOCKED. Sent rows stay as the record of what was sent.
CREATE TABLE outbox_messages (
    id                uuid PRIMARY KEY,
    -- the Message-Id header, fixed when the row is written so that a repeat after a crash carries the same one
    message_id        text NOT NULL UNIQUE,
    kind              text NOT NULL,
    claim_id          uuid REFERENCES claims (id),
    recipient_user_id uuid REFERENCES users (id),
    to_address        text NOT NULL,
    to_name           text NOT NULL,
    subject           text NOT NULL,
    body              text NOT NULL,
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts          integer NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    last_error        text,
    created_at        timestamptz NOT NULL,
    sent_at           timestamptz,
    -- set for messages that must exist once per something (a verifier's digest per day)
    dedupe_key        text UNIQUE
);
-- The sender's query: due pending rows, oldest due first.
CREATE INDEX outbox_messages_due ON outbox_messages (next_attempt_at) WHERE status = 'pending';
-- The admin page: dead rows, newest first.
CREATE INDEX outbox_messages_dead ON outbox_messages (created_at) WHERE status = 'dead';

CREATE TABLE outbox_attachments (
    message_id   uuid NOT NULL REFERENCES outbox_messages (id) ON DELETE CASCADE,
    position     integer NOT NULL,
    file_name    text NOT NULL,
    content_type text NOT NULL,
    content      bytea NOT NULL,
    PRIMARY KEY (message_id, position)
);

-- What a person sees in the service about their claim: one row per message, whether or not mail
-- could be sent (no SMTP server configured, no address, or still waiting in the outbox).
CREATE TABLE inbox_messages (
    id               uuid PRIMARY KEY,
    user_id          uuid NOT NULL REFERENCES users (id),
    claim_id         uuid REFERENCES claims (id),
    outbox_id        uuid REFERENCES outbox_messages (id),
    kind             text NOT NULL,
    subject          text NOT NULL,
    body             text NOT NULL,
    attachment_names text[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL
);
CREATE INDEX inbox_messages_claim ON inbox_messages (claim_id, user_id, created_at);
