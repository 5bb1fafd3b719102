-- The bytes uploaded each day (China date) across all applicants, against Uploads:MaxMegabytesPerDay. Spread over
-- a few rows per day so that concurrent uploads add to different rows instead of queueing on one.
CREATE TABLE upload_budget (
    day   date NOT NULL,
    shard smallint NOT NULL CHECK (shard >= 0),
    bytes bigint NOT NULL CHECK (bytes >= 0),
    PRIMARY KEY (day, shard)
);
