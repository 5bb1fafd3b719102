-- Editions of the subsidy policy (POLICY.md): a county changes policy by adding a version with its own
-- dates. The numbers are one jsonb document in the API's shape (money and rates as two-decimal strings,
-- enum values snake_case), so adding a parameter later needs no schema change.
-- Independent of 0003/0004: on databases migrated before this file existed it is applied after them.
CREATE TABLE policy_versions (
    id             text PRIMARY KEY,
    effective_from date NOT NULL,
    -- last day in force, inclusive; null while open-ended
    effective_to   date,
    definition     jsonb NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     uuid,
    CONSTRAINT policy_versions_dates_ordered CHECK (effective_to IS NULL OR effective_to >= effective_from),
    -- Two versions in force on one day would make a claim's amount depend on which one a query found
    -- first; the database refuses the overlap even when two administrators add versions at once.
    CONSTRAINT policy_versions_no_overlap
        EXCLUDE USING gist (daterange(effective_from, effective_to, '[]') WITH &&)
);
