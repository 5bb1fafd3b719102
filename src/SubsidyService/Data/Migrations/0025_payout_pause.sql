-- The payout pause kept with the data (one row): while paused no batch is made or started, by the schedule or by
-- hand. It also remembers which database it last ran on, so that a node started on a copy restored from a dump
-- (a new database, a new oid) pauses payouts by itself: a claim the bank paid after the dump was taken is still
-- "ready for payout" in the copy and must not be paid again before finance has reconciled with the bank.
CREATE TABLE payout_pause (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    paused boolean NOT NULL DEFAULT false,
    reason text,
    changed_by uuid,
    changed_by_label text,
    changed_at timestamptz,
    -- Empty until a node first starts: a template database cloned for tests or a fresh install is not a restore.
    database_oid bigint,
    database_name text
);

INSERT INTO payout_pause (id) VALUES (true);
