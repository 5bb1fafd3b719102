-- An applicant who never submitted a claim may delete the account, and the drafts go with it. Their events stay:
-- the log is append-only and hash-chained, and is verified on its own, so an event may now name a claim that no
-- longer exists (a deleted draft) and the log no longer requires its claim's row.
ALTER TABLE claim_events DROP CONSTRAINT claim_events_claim_id_fkey;
