-- Read models live in their own schema so that a projection reset can never touch the event store.
CREATE SCHEMA IF NOT EXISTS read_model;

-- One row per support episode: the slice's summary of referral and attended contacts.
-- last_sequence guards updates so that a redelivered event is applied at most once.
CREATE TABLE read_model.episode_summary (
    episode_id        UUID        PRIMARY KEY,
    service_id        UUID        NOT NULL,
    referred_at       TIMESTAMPTZ NOT NULL,
    first_contact_at  TIMESTAMPTZ,
    contact_count     INTEGER     NOT NULL DEFAULT 0,
    total_minutes     INTEGER     NOT NULL DEFAULT 0,
    last_sequence     BIGINT      NOT NULL
);

CREATE INDEX episode_summary_service_idx ON read_model.episode_summary (service_id);
