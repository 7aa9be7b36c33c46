-- The policy warehouse's record of every integration event it has applied, written in the same
-- transaction as the event's rows: a redelivered event (Kafka delivers at least once) finds its
-- id here and changes nothing. position is the warehouse's order of arrival; applied_at minus
-- recorded_at is the event's lag from the event store to the warehouse.
CREATE SCHEMA IF NOT EXISTS warehouse;

CREATE TABLE warehouse.processed_event (
    event_id     UUID        PRIMARY KEY,
    position     BIGINT      GENERATED ALWAYS AS IDENTITY UNIQUE,
    type         TEXT        NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    applied_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    topic        TEXT        NOT NULL,
    partition    INTEGER     NOT NULL,
    "offset"     BIGINT      NOT NULL
);
