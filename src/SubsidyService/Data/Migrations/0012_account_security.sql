-- A stamp in every token and cookie: changing it (logout everywhere, a new password, an administrator
-- disabling the account) makes every earlier one fail on its next request, on every node.
ALTER TABLE users ADD COLUMN security_stamp uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE users ADD COLUMN disabled_at timestamptz;
