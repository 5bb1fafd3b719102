-- Case numbers are parsed now (CaseNumber.Canonical): a 第 before the serial and the serial's leading zeros
-- no longer make another case. Numbers stored in the old canonical form are rewritten once here, so that
-- screening and register matching find (2025)浙02民初07781号 filed before this release as (2025)浙02民初7781号.
-- Only numbers shaped like a mainland case number ("(year)…digits号") are touched; anything else was and stays
-- compared as text.
CREATE FUNCTION pg_temp.recanonical(n text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN n ~ '^\([0-9]{4}\)[^0-9()]' AND n ~ '[0-9]号$'
                THEN regexp_replace(regexp_replace(n, '第([0-9]+号)$', '\1'), '([^0-9])0+([0-9]+号)$', '\1\2')
                ELSE n END
$$;

UPDATE claims SET canonical_case_number = pg_temp.recanonical(canonical_case_number)
WHERE canonical_case_number <> pg_temp.recanonical(canonical_case_number);

-- A claim that listed one instance twice, spelled two ways, keeps it once (the effective instance wins).
DELETE FROM claim_case_numbers a USING claim_case_numbers b
WHERE a.claim_id = b.claim_id AND a.canonical <> b.canonical
  AND pg_temp.recanonical(a.canonical) = pg_temp.recanonical(b.canonical)
  AND NOT a.is_primary AND (b.is_primary OR a.canonical > b.canonical);
UPDATE claim_case_numbers SET canonical = pg_temp.recanonical(canonical)
WHERE canonical <> pg_temp.recanonical(canonical);

UPDATE funding_register_rows SET canonical_case_number = pg_temp.recanonical(canonical_case_number)
WHERE canonical_case_number <> pg_temp.recanonical(canonical_case_number);

-- The recovery list filters by case number in canonical form: a column written when the recovery is opened,
-- rather than the canonical rule copied into the list's SQL.
ALTER TABLE recoveries ADD COLUMN canonical_case_number text;
UPDATE recoveries SET canonical_case_number = pg_temp.recanonical(
    upper(regexp_replace(translate(normalize(case_number, NFKC), '〔〕［］【】[]', '()()()()'), '\s', '', 'g')));
ALTER TABLE recoveries ALTER COLUMN canonical_case_number SET NOT NULL;

-- The tier of the latest evaluation, written with the amount (ClaimStore, verification), so that lists filter
-- on a column. Existing rows get it once from what they hold: the verifier's designations over the declared
-- ones; no tier for a case type the regular tiers do not cover unless the higher tier applies.
ALTER TABLE claims ADD COLUMN tier text CHECK (tier IN ('natural_person', 'legal_person', 'major_or_foreign'));
UPDATE claims c SET tier = CASE
    WHEN c.applicant_type <> 'natural_person'
         AND (coalesce((c.verification->>'majorImpact')::boolean, (c.facts->>'majorImpact')::boolean, false)
              OR coalesce((c.verification->>'foreignRelated')::boolean, (c.facts->>'foreignRelated')::boolean, false))
        THEN 'major_or_foreign'
    WHEN c.facts->>'caseType' = 'patent_infringement'
        THEN CASE WHEN c.applicant_type = 'natural_person' THEN 'natural_person' ELSE 'legal_person' END
    END;
CREATE INDEX claims_tier ON claims (tier, submitted_at DESC) WHERE tier IS NOT NULL;

-- The patents a claim asserts identify its dispute across instances (same_dispute): screening looks other
-- claims up by any of them.
CREATE INDEX claims_patents ON claims USING gin ((facts->'patentNumbers'));

-- The flags screening raises now: a conflicting identity on one case, another instance of one dispute, an
-- identity number from outside the county.
ALTER TABLE screening_flags DROP CONSTRAINT screening_flags_code_check;
ALTER TABLE screening_flags ADD CONSTRAINT screening_flags_code_check
    CHECK (code IN ('shared_case', 'external_funding_match', 'identity_conflict', 'same_dispute', 'domicile_unverified'));
