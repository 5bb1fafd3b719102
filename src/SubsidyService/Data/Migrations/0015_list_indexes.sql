-- The staff lists page in the database, newest first by default, the id breaking ties so that pages never
-- overlap. The outbox's list filters by status (one or several) and grows with every mail sent: each
-- status's rows in creation order, and every row in creation order for the unfiltered list.
CREATE INDEX outbox_messages_status_created ON outbox_messages (status, created_at, id);
CREATE INDEX outbox_messages_created ON outbox_messages (created_at, id);
-- Recoveries listed whatever their state (recoveries_open serves one state's list).
CREATE INDEX recoveries_opened ON recoveries (opened_at, id);
