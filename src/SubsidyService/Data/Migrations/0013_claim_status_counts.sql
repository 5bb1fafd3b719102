-- How many claims are in each status, kept by the database itself in the transaction that inserts, moves or
-- deletes a claim, so that the staff lists' counts and totals read a few hundred rows however many claims
-- there are (DESIGN.md: a request's cost does not grow with the size of a table).
--
-- No row that every transition locks: a statement adds its changes to the shard of the connection that runs
-- it (pg_backend_pid() % 64), never to the claim's, so two transactions wait for each other only when their
-- connections share a shard, and a payout batch moving thousands of claims locks two rows (its shard of the
-- old status and of the new), not every shard of both. A shard's n may go below zero (a claim counted in by
-- one connection and out by another); only the sum over shards means anything.
CREATE TABLE claim_status_counts (
    status text NOT NULL,
    shard  smallint NOT NULL,
    n      bigint NOT NULL,
    PRIMARY KEY (status, shard)
);

-- One call per statement, not per row: a bulk statement's rows are summed by status first, so ten thousand
-- claims moved at once are two upserts. Statuses in a fixed order, so that two statements of the same shard
-- take their rows in the same order. An UPDATE that leaves statuses as they were nets out to nothing and
-- writes nothing.
CREATE FUNCTION claim_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    my_shard smallint := pg_backend_pid() % 64;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO claim_status_counts (status, shard, n)
        SELECT status, my_shard, count(*) FROM new_rows GROUP BY status ORDER BY status
        ON CONFLICT (status, shard) DO UPDATE SET n = claim_status_counts.n + excluded.n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO claim_status_counts (status, shard, n)
        SELECT status, my_shard, -count(*) FROM old_rows GROUP BY status ORDER BY status
        ON CONFLICT (status, shard) DO UPDATE SET n = claim_status_counts.n + excluded.n;
    ELSE
        INSERT INTO claim_status_counts (status, shard, n)
        SELECT status, my_shard, sum(d) FROM (
            SELECT status, -1 AS d FROM old_rows
            UNION ALL
            SELECT status, 1 FROM new_rows) moved
        GROUP BY status HAVING sum(d) <> 0 ORDER BY status
        ON CONFLICT (status, shard) DO UPDATE SET n = claim_status_counts.n + excluded.n;
    END IF;
    RETURN NULL;
END $$;

-- PostgreSQL allows transition tables neither on a trigger of several events nor on one limited to some
-- columns (UPDATE OF status): three triggers, the UPDATE one on every update of claims.
CREATE TRIGGER claims_count_insert AFTER INSERT ON claims
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claim_status_counts_apply();
CREATE TRIGGER claims_count_update AFTER UPDATE ON claims
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claim_status_counts_apply();
CREATE TRIGGER claims_count_delete AFTER DELETE ON claims
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION claim_status_counts_apply();

-- TRUNCATE fires no row or DELETE trigger; without this the counts would outlive the claims.
CREATE FUNCTION claim_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM claim_status_counts;
    RETURN NULL;
END $$;
CREATE TRIGGER claims_count_truncate AFTER TRUNCATE ON claims
    FOR EACH STATEMENT EXECUTE FUNCTION claim_status_counts_clear();

-- After the triggers: CREATE TRIGGER holds claims against writes until this migration commits, so the count
-- below sees every write committed before it and every later one goes through the triggers.
INSERT INTO claim_status_counts (status, shard, n)
SELECT status, 0, count(*) FROM claims GROUP BY status;
