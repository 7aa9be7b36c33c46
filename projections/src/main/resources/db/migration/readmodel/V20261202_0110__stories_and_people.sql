-- R11 stories: one row per story shared (episode-figures-v1). No text: the count only.
CREATE TABLE read_model.story_shared (
    story_id     UUID        PRIMARY KEY,
    episode_id   UUID        NOT NULL,
    service_id   UUID        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX story_shared_service_idx ON read_model.story_shared (service_id, occurred_at);

-- Person-level read models (people-v1): provider staff see their own organisation's rows only,
-- enforced by row-level security as well as by the application (see V20261202_0120).

-- A person as their provider knows them, without their identifying details (those stay sealed in
-- the event store and are opened only for a subject-access export).
CREATE TABLE read_model.person (
    person_id          UUID        PRIMARY KEY,
    organisation_id    UUID        NOT NULL,
    preferred_language VARCHAR(35) NOT NULL,
    interpreter_needed BOOLEAN     NOT NULL,
    age_band           VARCHAR(10) NOT NULL,
    registered_at      TIMESTAMPTZ NOT NULL,
    forgotten_at       TIMESTAMPTZ
);

-- Every consent decision, so that "in force" is the latest by occurredAt however late recorded.
CREATE TABLE read_model.person_consent (
    person_id       UUID        NOT NULL,
    organisation_id UUID        NOT NULL,
    scope           VARCHAR(40) NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    granted         BOOLEAN     NOT NULL,
    PRIMARY KEY (person_id, scope, occurred_at)
);

-- Whose episode is whose, for the stories.
CREATE TABLE read_model.person_episode (
    episode_id      UUID PRIMARY KEY,
    person_id       UUID NOT NULL,
    organisation_id UUID NOT NULL,
    service_id      UUID NOT NULL
);

-- Consented stories, for the service's commissioners and provider: the text is still sealed with
-- the person's key (opened only when shown). A row lives only while the person's consent holds
-- and they are not forgotten: withdrawal or erasure deletes it.
CREATE TABLE read_model.shared_story (
    story_id          UUID        PRIMARY KEY,
    episode_id        UUID        NOT NULL,
    person_id         UUID        NOT NULL,
    organisation_id   UUID        NOT NULL,
    service_id        UUID        NOT NULL,
    occurred_at       TIMESTAMPTZ NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    language          VARCHAR(35) NOT NULL,
    relational_values INTEGER[]   NOT NULL,
    sealed_text       TEXT        NOT NULL
);
CREATE INDEX shared_story_service_idx ON read_model.shared_story (service_id, occurred_at);
CREATE INDEX shared_story_person_idx ON read_model.shared_story (person_id);
