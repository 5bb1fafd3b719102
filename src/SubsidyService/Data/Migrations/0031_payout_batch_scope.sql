-- A batch finance confirmed on the page pays only the claims that were on the confirmation page: the ids are kept
-- with the batch, and its job gathers no other claim (one that became ready meanwhile waits for the next batch).
-- NULL (the API's and the schedule's batches): every claim ready when the job runs.
ALTER TABLE payout_batches ADD COLUMN claim_ids uuid[];
