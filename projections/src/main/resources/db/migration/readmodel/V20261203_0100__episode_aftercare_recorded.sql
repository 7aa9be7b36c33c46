-- When the episode's first aftercare or follow-up contact became known: the earliest recorded_at
-- of its attended contacts with either purpose (null while there is none). "The episode had an
-- aftercare contact, as known at as-of" (R10's split) is then aftercare_recorded_at <= as-of,
-- exactly, without reading the contacts. Like the other summary values it only ever moves earlier.
ALTER TABLE read_model.episode ADD COLUMN aftercare_recorded_at TIMESTAMPTZ;

UPDATE read_model.episode e
   SET aftercare_recorded_at = a.first_recorded_at
  FROM (SELECT c.episode_id, min(c.recorded_at) AS first_recorded_at
          FROM read_model.contact c
         WHERE c.purpose IN ('AFTERCARE', 'FOLLOW_UP')
         GROUP BY c.episode_id) a
 WHERE e.episode_id = a.episode_id;
