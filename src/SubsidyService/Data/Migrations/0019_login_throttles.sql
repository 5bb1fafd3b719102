-- Failed sign-ins slow further tries down instead of locking the account: a row per account, per client
-- address and per account-and-address pair, each with its own growing delay. A stranger's failures delay
-- the stranger (and, mildly, the account everywhere), never the owner's own address for long.
CREATE TABLE login_throttles (
    username        text NOT NULL,          -- lower-cased as typed, whether or not the account exists; '' for an address's row
    address         text NOT NULL,          -- '' for the account's own row
    attempts        integer NOT NULL,
    last_attempt_at timestamptz NOT NULL,
    blocked_until   timestamptz,
    PRIMARY KEY (username, address)
);
CREATE INDEX login_throttles_last_attempt ON login_throttles (last_attempt_at);

-- The hard lock is gone: login_throttles says who must wait.
ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until;
