-- Retention: evidence and mail bodies past their keeping period lose their bytes; the rows stay (their sizes, hashes,
-- recipients and times are what an audit asks about), marked with when the purge took them.
ALTER TABLE claim_documents ADD COLUMN purged_at timestamptz;
ALTER TABLE outbox_messages ADD COLUMN body_purged_at timestamptz;

-- The purge's own lookups: sent mail by age, not yet purged.
CREATE INDEX outbox_messages_sent_unpurged ON outbox_messages (sent_at) WHERE status = 'sent' AND body_purged_at IS NULL;
