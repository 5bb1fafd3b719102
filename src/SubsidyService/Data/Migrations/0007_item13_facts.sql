-- Item 13 as written (POLICY.md "Who may claim"): a dispute heard in several instances is one case,
-- so every case number of a claim is kept here and screening compares them all, by index.
CREATE TABLE claim_case_numbers (
    claim_id   uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    canonical  text NOT NULL,
    -- the instance whose judgment took effect (claims.canonical_case_number); the others are related
    is_primary boolean NOT NULL,
    PRIMARY KEY (claim_id, canonical)
);
CREATE INDEX claim_case_numbers_canonical ON claim_case_numbers (canonical);
INSERT INTO claim_case_numbers (claim_id, canonical, is_primary)
SELECT id, canonical_case_number, true FROM claims;

-- An older VAT invoice is its code and its 8-digit number together; a fully digital one its 20-digit
-- number. invoice_key is what screening compares: "code-number", or the number alone.
ALTER TABLE claim_invoices ADD COLUMN code text;
ALTER TABLE claim_invoices ADD COLUMN invoice_key text;
UPDATE claim_invoices SET invoice_key = number_digits;
ALTER TABLE claim_invoices ALTER COLUMN invoice_key SET NOT NULL;
CREATE INDEX claim_invoices_key ON claim_invoices (invoice_key);
DROP INDEX claim_invoices_digits;
-- Screening now finds claims through claim_case_numbers; this index only cost writes.
DROP INDEX claims_live_case;

-- Each node keeps the policy versions in memory and drops them when told that the table changed,
-- whoever changed it (the admin page on another node, or SQL by hand).
CREATE FUNCTION notify_policy_versions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('policy_versions_changed', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER policy_versions_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON policy_versions
    FOR EACH STATEMENT EXECUTE FUNCTION notify_policy_versions_changed();
