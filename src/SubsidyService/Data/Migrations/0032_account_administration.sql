-- A password an administrator reset is known to two people: until its owner sets one of their own, a sign-in
-- leads only to the change-password page and a token is refused everywhere else.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
