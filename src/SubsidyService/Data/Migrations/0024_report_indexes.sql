-- The period reports: a claim's payments by claim (payments_one_live_per_claim leaves failed ones out) for the
-- export, and recoveries settled in a period for the amounts recovered.
CREATE INDEX payments_claim ON payments (claim_id, created_at DESC);
CREATE INDEX recoveries_settled ON recoveries (settled_at) WHERE state = 'settled';
