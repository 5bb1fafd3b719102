-- Bars (失信): an identity (ID number or credit code, upper-cased and trimmed) that may not submit claims
-- until a date. A lifted bar stays on file with who lifted it and why; the chained log has both acts.
CREATE TABLE bars (
    id           uuid PRIMARY KEY,
    id_number    text NOT NULL CHECK (id_number = upper(btrim(id_number)) AND id_number <> ''),
    reason       text NOT NULL,
    until        date NOT NULL,
    recovery_id  uuid REFERENCES recoveries (id),
    created_by   uuid NOT NULL REFERENCES users (id),
    -- as the staff member was named then, for the list
    created_by_name text NOT NULL,
    created_at   timestamptz NOT NULL,
    lifted_by    uuid REFERENCES users (id),
    lifted_by_name text,
    lifted_at    timestamptz,
    lift_reason  text,
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL))
);
-- Every submission asks whether its identity is barred.
CREATE INDEX bars_standing ON bars (id_number, until) WHERE lifted_at IS NULL;
CREATE INDEX bars_created ON bars (created_at DESC, id);
