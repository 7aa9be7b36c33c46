-- What the command side must know of other aggregates to check an episode's rules: which
-- organisation runs a service, and when a worker was in post. Written by a subscribing handler in
-- the same transaction as the events they come from, so they are exactly as current as the store
-- on every node, and read without locking the Service or Worker aggregates.
CREATE TABLE service_facts (
    service_id      UUID PRIMARY KEY,
    organisation_id UUID NOT NULL
);

CREATE TABLE worker_facts (
    worker_id       UUID PRIMARY KEY,
    organisation_id UUID NOT NULL,
    joined_at       TIMESTAMPTZ NOT NULL,
    left_at         TIMESTAMPTZ
);

-- A store written before these tables existed gets them filled from its events.
INSERT INTO service_facts (service_id, organisation_id)
SELECT (e ->> 'serviceId')::uuid, (e ->> 'organisationId')::uuid
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e
      FROM domain_event_entry
      WHERE payload_type = 'cymru.calon.commands.api.service.ServiceCommissioned') commissioned;

INSERT INTO worker_facts (worker_id, organisation_id, joined_at)
SELECT (e ->> 'workerId')::uuid, (e ->> 'organisationId')::uuid, (e ->> 'occurredAt')::timestamptz
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e
      FROM domain_event_entry
      WHERE payload_type = 'cymru.calon.commands.api.worker.WorkerJoined') joined;

UPDATE worker_facts w
SET left_at = (l.e ->> 'occurredAt')::timestamptz
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e
      FROM domain_event_entry
      WHERE payload_type = 'cymru.calon.commands.api.worker.WorkerLeft') l
WHERE w.worker_id = (l.e ->> 'workerId')::uuid;
