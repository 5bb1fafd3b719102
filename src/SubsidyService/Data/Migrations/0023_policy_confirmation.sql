-- A policy version decides who is paid how much: it takes effect only once a second person (another administrator
-- or a finance user) confirms it. Until then it holds its dates (the exclusion constraint still applies) but no
-- estimate or claim is judged under it.
ALTER TABLE policy_versions
    ADD COLUMN confirmed_at timestamptz,
    ADD COLUMN confirmed_by uuid;

-- Versions stored before confirmation existed were in force already and stay so.
UPDATE policy_versions SET confirmed_at = created_at;

ALTER TABLE policy_versions
    ADD CONSTRAINT policy_versions_confirmed_by_another
    CHECK (confirmed_by IS NULL OR created_by IS NULL OR confirmed_by <> created_by);
