-- What the command side's access check must know without loading an aggregate: who commissions a
-- service (only they may vary its contract) and which service, so which organisation, an episode
-- is with (only that organisation's staff may record on it). Kept, like the other facts, by the
-- subscribing handler in the transaction that appends the events.
ALTER TABLE service_facts ADD COLUMN commissioner_id UUID;

UPDATE service_facts s
SET commissioner_id = (c.e ->> 'commissionerId')::uuid
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e
      FROM domain_event_entry
      WHERE payload_type = 'cymru.calon.commands.api.service.ServiceCommissioned') c
WHERE s.service_id = (c.e ->> 'serviceId')::uuid;

-- Every ServiceCommissioned names its commissioner, so no row is left without one.
ALTER TABLE service_facts ALTER COLUMN commissioner_id SET NOT NULL;

CREATE TABLE episode_facts (
    episode_id      UUID PRIMARY KEY,
    service_id      UUID NOT NULL,
    organisation_id UUID NOT NULL
);

-- A store written before this table existed gets it filled from its referrals.
INSERT INTO episode_facts (episode_id, service_id, organisation_id)
SELECT (r.e ->> 'episodeId')::uuid, s.service_id, s.organisation_id
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e
      FROM domain_event_entry
      WHERE payload_type = 'cymru.calon.commands.api.episode.ReferralReceived') r
JOIN service_facts s ON s.service_id = (r.e ->> 'serviceId')::uuid
ON CONFLICT (episode_id) DO NOTHING;
