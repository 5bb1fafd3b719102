-- The working-day calendar: a year is "in" once its schedule is stored (the State Council's notice shipped with
-- the service, or an admin's), even a year with no day listed; its days are the public holidays and the
-- make-up working days (调休上班) of that year.
CREATE TABLE calendar_years (
    year        integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    source      text NOT NULL,
    updated_by  uuid REFERENCES users (id),
    updated_at  timestamptz NOT NULL
);
CREATE TABLE calendar_days (
    day   date PRIMARY KEY,
    year  integer NOT NULL REFERENCES calendar_years (year),
    kind  text NOT NULL CHECK (kind IN ('holiday', 'make_up_working_day')),
    CHECK (extract(year FROM day) = year)
);
CREATE INDEX calendar_days_year ON calendar_days (year, day);
