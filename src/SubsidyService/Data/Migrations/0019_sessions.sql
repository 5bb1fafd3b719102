-- One row per sign-in. The cookie or token names its row, so signing out ends exactly that session on
-- every node, and a session ends at a fixed time after it began (and, for staff, after a quiet spell)
-- however often its cookie slides.
CREATE TABLE user_sessions (
    id           uuid PRIMARY KEY,
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    started_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    ended_at     timestamptz
);
CREATE INDEX user_sessions_user ON user_sessions (user_id, started_at);
