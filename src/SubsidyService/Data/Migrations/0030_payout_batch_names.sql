-- A batch is known to people by the China date it was requested and its number that day ("2026-12-05 第1批"),
-- not by its id. The database numbers it as the row goes in, whoever inserts it: batch requests of one cluster
-- queue on one advisory lock for the moment of the insert (a few a day), so two nodes never take the same number.
ALTER TABLE payout_batches ADD COLUMN requested_on date, ADD COLUMN day_number integer;

UPDATE payout_batches b SET requested_on = n.day, day_number = n.number
FROM (SELECT id, (requested_at AT TIME ZONE 'UTC' + interval '8 hours')::date AS day,
             row_number() OVER (PARTITION BY (requested_at AT TIME ZONE 'UTC' + interval '8 hours')::date ORDER BY requested_at, id) AS number
      FROM payout_batches) n
WHERE n.id = b.id;

ALTER TABLE payout_batches ALTER COLUMN requested_on SET NOT NULL, ALTER COLUMN day_number SET NOT NULL;
CREATE UNIQUE INDEX payout_batches_day_number ON payout_batches (requested_on, day_number);

-- China has kept UTC+8 without daylight saving since 1991: a fixed offset, no time zone data needed.
CREATE FUNCTION payout_batches_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.requested_on := (NEW.requested_at AT TIME ZONE 'UTC' + interval '8 hours')::date;
    PERFORM pg_advisory_xact_lock(hashtextextended('payout-batch-number', 0));
    -- A statement of its own after the lock: under READ COMMITTED it sees the batch the lock's last holder committed.
    SELECT coalesce(max(day_number), 0) + 1 INTO NEW.day_number FROM payout_batches WHERE requested_on = NEW.requested_on;
    RETURN NEW;
END $$;

CREATE TRIGGER payout_batches_number BEFORE INSERT ON payout_batches FOR EACH ROW EXECUTE FUNCTION payout_batches_number();

-- What the bank has still to answer: the batch's pending payments, set when its file is written and counted again
-- by each results import, so that the lists tell "file written, waiting for the bank" from "the bank has answered".
ALTER TABLE payout_batches ADD COLUMN pending_count integer NOT NULL DEFAULT 0;
UPDATE payout_batches b SET pending_count = (SELECT count(*) FROM payments p WHERE p.batch_id = b.id AND p.state = 'pending');
