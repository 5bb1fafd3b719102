-- The personal-information notice (个人信息保护法) an applicant agreed to at registration: which text, and when.
-- Null for staff accounts, and for applicants registered through the API without the notice's consent field.
ALTER TABLE users ADD COLUMN privacy_notice_version text;
ALTER TABLE users ADD COLUMN privacy_consented_at timestamptz;

-- The applicant's rating of the service (好差评) once the claim is done (paid or rejected): one per claim, never changed.
CREATE TABLE claim_ratings (
    claim_id     uuid PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
    applicant_id uuid NOT NULL REFERENCES users (id),
    score        smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment      text CHECK (char_length(comment) <= 500),
    -- the claim's status when it was rated: paid or rejected, so the averages can be read apart
    outcome      text NOT NULL CHECK (outcome IN ('paid', 'rejected')),
    rated_at     timestamptz NOT NULL
);
CREATE INDEX claim_ratings_rated_at ON claim_ratings (rated_at);
