-- The staff lists' default orders, each read from an index in order and stopped at the page's end instead
-- of sorting every claim the filter finds (checked by ListQueryPlanTests on 100,000 claims).

-- The verifiers' queue (submitted and under review), the longest-waiting first.
CREATE INDEX claims_waiting ON claims ((coalesce(submitted_at, created_at)), id) WHERE status IN ('submitted', 'under_review');

-- The finance bureau's queue of verified claims in the order they were verified; the running sum of the
-- amounts then reads the claims up to the page, never sorts them all.
CREATE INDEX claims_verified_queue ON claims (verified_at, id) WHERE status = 'verified';

-- The finance lists and the auditors' search by status, newest submission first. It answers every lookup
-- by status that claims_status did, which it replaces.
CREATE INDEX claims_status_newest ON claims (status, submitted_at DESC NULLS LAST, created_at DESC, id DESC);
DROP INDEX claims_status;

-- The auditors' search with no filter (their start page), newest submission first.
CREATE INDEX claims_newest ON claims (submitted_at DESC NULLS LAST, created_at DESC, id DESC);
