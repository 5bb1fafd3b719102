-- A recovery notice (追回告知书) is a letter like the others: numbered in the year's sequence, sealed, verifiable,
-- stored with its SHA-256. It is never a claim's "current" letter (that stays the approval or the rejection).
ALTER TABLE letters DROP CONSTRAINT letters_kind_check;
ALTER TABLE letters ADD CONSTRAINT letters_kind_check CHECK (kind IN ('approval', 'rejection', 'recovery_notice'));
