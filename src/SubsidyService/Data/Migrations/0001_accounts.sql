-- People who sign in: applicants register themselves; staff are added by an administrator.
CREATE TABLE users (
    id            uuid PRIMARY KEY,
    username      text NOT NULL,
    password_hash text NOT NULL,
    email         text NOT NULL,
    display_name  text NOT NULL,
    role          text NOT NULL CHECK (role IN ('applicant', 'verifier', 'finance', 'auditor', 'admin')),
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    created_at    timestamptz NOT NULL
);
-- Usernames are unique without regard to case: 'Zhang' and 'zhang' are one person.
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- The ASP.NET Data Protection key ring, shared by every node so that a cookie or token issued by one
-- node is accepted by all.
CREATE TABLE data_protection_keys (
    id            bigserial PRIMARY KEY,
    friendly_name text NOT NULL,
    xml           text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
