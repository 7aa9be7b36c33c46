-- The read models behind every figure of METRICS.md.
--
-- Every row carries the event's occurred_at (when it happened: what the figures measure) and its
-- recorded_at (the event store timestamp: what as-of queries filter on). Fact rows are keyed by a
-- natural id or the event's identifier, so a redelivered event inserts nothing.
--
-- Two projections, each with its own processing group and tables:
--   staff-figures-v1:   service, service_terms, worker, worker_departure, reflective_practice
--   episode-figures-v1: episode and the episode fact tables below

-- Services as commissioned. Terms change over time, so they are kept as versions.
CREATE TABLE read_model.service (
    service_id       UUID        PRIMARY KEY,
    organisation_id  UUID        NOT NULL,
    commissioner_id  UUID        NOT NULL,
    name             TEXT        NOT NULL,
    cohort           TEXT        NOT NULL,
    area_code        TEXT        NOT NULL,
    commissioned_at  TIMESTAMPTZ NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL
);

-- One row per ServiceCommissioned or ServiceContractVaried. A variation replaces a group of terms
-- only when it carries that group (kpi_targets_set, commitments_set); otherwise it is unchanged.
CREATE TABLE read_model.service_terms (
    event_id              UUID        PRIMARY KEY,
    service_id            UUID        NOT NULL,
    effective_at          TIMESTAMPTZ NOT NULL,
    recorded_at           TIMESTAMPTZ NOT NULL,
    kpi_targets_set       BOOLEAN     NOT NULL,
    waiting_working_days  INTEGER,
    max_episode_days      INTEGER,
    commitments_set       BOOLEAN     NOT NULL,
    aftercare_weeks       INTEGER,
    max_caseload          INTEGER
);
CREATE INDEX service_terms_service_idx ON read_model.service_terms (service_id, effective_at);

CREATE TABLE read_model.worker (
    worker_id         UUID        PRIMARY KEY,
    organisation_id   UUID        NOT NULL,
    role              TEXT        NOT NULL,
    lived_experience  BOOLEAN     NOT NULL,
    joined_at         TIMESTAMPTZ NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX worker_organisation_idx ON read_model.worker (organisation_id);

CREATE TABLE read_model.worker_departure (
    worker_id    UUID        PRIMARY KEY,
    left_at      TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE read_model.reflective_practice (
    event_id         UUID        PRIMARY KEY,
    worker_id        UUID        NOT NULL,
    organisation_id  UUID        NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    minutes          INTEGER     NOT NULL,
    kind             TEXT        NOT NULL
);
CREATE INDEX reflective_practice_organisation_idx
    ON read_model.reflective_practice (organisation_id, occurred_at);

-- One row per episode: the referral, and the per-episode values several figures start from, kept
-- up to date as events arrive in any order. Each derived value sits beside the recorded_at of the
-- event that set it, so an as-of query can use the value when that event was known by then and
-- recompute it from the fact tables otherwise (first contact and trust point only ever move
-- earlier as events arrive; closure happens once).
CREATE TABLE read_model.episode (
    episode_id                 UUID        PRIMARY KEY,
    service_id                 UUID        NOT NULL,
    person_id                  UUID        NOT NULL,
    referred_at                TIMESTAMPTZ NOT NULL,
    recorded_at                TIMESTAMPTZ NOT NULL,
    first_contact_at           TIMESTAMPTZ,
    first_contact_recorded_at  TIMESTAMPTZ,
    trust_at                   TIMESTAMPTZ,
    trust_recorded_at          TIMESTAMPTZ,
    closed_at                  TIMESTAMPTZ,
    closure_reason             TEXT,
    closure_recorded_at        TIMESTAMPTZ
);
CREATE INDEX episode_service_referred_idx ON read_model.episode (service_id, referred_at);
CREATE INDEX episode_service_first_contact_idx ON read_model.episode (service_id, first_contact_at);
CREATE INDEX episode_service_first_contact_recorded_idx
    ON read_model.episode (service_id, first_contact_recorded_at);
CREATE INDEX episode_service_closed_idx ON read_model.episode (service_id, closed_at);
CREATE INDEX episode_person_idx ON read_model.episode (person_id, referred_at);

-- Attended contacts (ContactRecorded). choices holds the names of the choices offered; sequence
-- (the event's place in its episode) orders contacts recorded with the same occurred_at.
CREATE TABLE read_model.contact (
    contact_id    UUID        PRIMARY KEY,
    episode_id    UUID        NOT NULL,
    service_id    UUID        NOT NULL,
    worker_id     UUID        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    sequence      BIGINT      NOT NULL,
    minutes       INTEGER     NOT NULL,
    mode          TEXT        NOT NULL,
    setting       TEXT        NOT NULL,
    interpreter   TEXT        NOT NULL,
    choices       TEXT[]      NOT NULL,
    story_retold  BOOLEAN     NOT NULL,
    purpose       TEXT        NOT NULL
);
CREATE INDEX contact_service_occurred_idx ON read_model.contact (service_id, occurred_at);
CREATE INDEX contact_episode_occurred_idx ON read_model.contact (episode_id, occurred_at);

CREATE TABLE read_model.appointment_missed (
    event_id     UUID        PRIMARY KEY,
    episode_id   UUID        NOT NULL,
    service_id   UUID        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    missed_by    TEXT        NOT NULL,
    follow_up    TEXT        NOT NULL
);
CREATE INDEX appointment_missed_service_idx ON read_model.appointment_missed (service_id, occurred_at);

CREATE TABLE read_model.trust_milestone (
    event_id     UUID        PRIMARY KEY,
    episode_id   UUID        NOT NULL,
    service_id   UUID        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    marker       TEXT        NOT NULL
);
CREATE INDEX trust_milestone_service_idx ON read_model.trust_milestone (service_id, occurred_at);
CREATE INDEX trust_milestone_episode_idx ON read_model.trust_milestone (episode_id, occurred_at);

CREATE TABLE read_model.check_in (
    event_id      UUID        PRIMARY KEY,
    episode_id    UUID        NOT NULL,
    service_id    UUID        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    listened_to   SMALLINT    NOT NULL,
    had_a_say     SMALLINT    NOT NULL,
    trust_worker  SMALLINT    NOT NULL,
    felt_safe     SMALLINT    NOT NULL
);
CREATE INDEX check_in_service_idx ON read_model.check_in (service_id, occurred_at);
CREATE INDEX check_in_episode_idx ON read_model.check_in (episode_id, occurred_at);

CREATE TABLE read_model.outcome (
    outcome_id      UUID        PRIMARY KEY,
    episode_id      UUID        NOT NULL,
    service_id      UUID        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    outcome_type    TEXT        NOT NULL,
    person_defined  BOOLEAN     NOT NULL
);
CREATE INDEX outcome_service_idx ON read_model.outcome (service_id, occurred_at);
CREATE INDEX outcome_episode_idx ON read_model.outcome (episode_id, occurred_at);

CREATE TABLE read_model.aftercare_end (
    event_id     UUID        PRIMARY KEY,
    episode_id   UUID        NOT NULL,
    service_id   UUID        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    reason       TEXT        NOT NULL
);
CREATE INDEX aftercare_end_episode_idx ON read_model.aftercare_end (episode_id, occurred_at);

CREATE TABLE read_model.feedback (
    event_id     UUID        PRIMARY KEY,
    episode_id   UUID        NOT NULL,
    service_id   UUID        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL,
    complaint    BOOLEAN     NOT NULL
);
CREATE INDEX feedback_service_idx ON read_model.feedback (service_id, occurred_at);

-- WorkerAssigned (from_worker_id null) and WorkerHandedOver: who became the key worker, when.
CREATE TABLE read_model.key_worker_change (
    event_id           UUID        PRIMARY KEY,
    episode_id         UUID        NOT NULL,
    service_id         UUID        NOT NULL,
    occurred_at        TIMESTAMPTZ NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    sequence           BIGINT      NOT NULL,
    worker_id          UUID        NOT NULL,
    from_worker_id     UUID,
    handover_reason    TEXT,
    warm_introduction  BOOLEAN
);
CREATE INDEX key_worker_change_service_idx ON read_model.key_worker_change (service_id, occurred_at);
