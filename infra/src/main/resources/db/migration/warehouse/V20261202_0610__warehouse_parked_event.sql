-- Events that arrived before the event that creates their episode, worker or service (a record
-- sent again after a broker failure can be read before the first copy of the batch it belongs
-- to). They wait here, unapplied and not yet in processed_event, until the creating event is
-- applied, in the same transaction as which they are then applied and removed.
CREATE TABLE warehouse.parked_event (
    event_id      UUID        PRIMARY KEY,
    aggregate_id  UUID        NOT NULL,
    record        BYTEA       NOT NULL,
    topic         TEXT        NOT NULL,
    partition     INTEGER     NOT NULL,
    "offset"      BIGINT      NOT NULL,
    parked_at     TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX parked_event_aggregate_idx ON warehouse.parked_event (aggregate_id);
