-- Staff views list the earlier claims of the same identity (priorClaims): looked up by the identity number, so
-- that the cost follows one applicant's claims, not the whole table.
CREATE INDEX claims_id_number ON claims (id_number, created_at DESC);
