-- A payment names its claim by the 受理编号 people know it by, copied with the payee when the batch is made (as the
-- payee is), so the people's payment list reads no other table. Payments made before are given theirs.
ALTER TABLE payments ADD COLUMN application_number text;
UPDATE payments p SET application_number = c.application_number FROM claims c WHERE c.id = p.claim_id;
