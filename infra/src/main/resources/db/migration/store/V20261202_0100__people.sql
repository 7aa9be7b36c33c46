-- Crypto-shredding (DOMAIN.md, Erasure): each person's keys, wrapped by the master key kept
-- outside the database. Deleting a row is erasure: what was sealed with it can never be opened.
CREATE TABLE person_key (
    person_id   UUID        PRIMARY KEY,
    aead_keyset BYTEA       NOT NULL,
    prf_keyset  BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What the command side must know of people for the episode's rules (no personal data): whose
-- organisation a person is registered with, whether they are forgotten, their consent decisions,
-- and whose episode is whose. Written in the same transaction as the events they come from.
CREATE TABLE person_facts (
    person_id       UUID        PRIMARY KEY,
    organisation_id UUID        NOT NULL,
    forgotten_at    TIMESTAMPTZ
);

CREATE TABLE person_consent_facts (
    person_id   UUID        NOT NULL,
    scope       VARCHAR(40) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    granted     BOOLEAN     NOT NULL,
    PRIMARY KEY (person_id, scope, occurred_at)
);

CREATE TABLE episode_person_facts (
    episode_id UUID PRIMARY KEY,
    person_id  UUID NOT NULL
);

INSERT INTO episode_person_facts (episode_id, person_id)
SELECT (e ->> 'episodeId')::uuid, (e ->> 'personId')::uuid
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e
      FROM domain_event_entry
      WHERE payload_type = 'cymru.calon.commands.api.episode.ReferralReceived') referred
WHERE (e ->> 'personId') IS NOT NULL
ON CONFLICT DO NOTHING;
