-- The key worker of an episode at an instant, and episodes whose closure was recorded after an
-- as-of instant (R12 caseloads).
CREATE INDEX IF NOT EXISTS key_worker_change_episode_idx ON read_model.key_worker_change (episode_id, occurred_at);
CREATE INDEX IF NOT EXISTS episode_service_closure_recorded_idx
    ON read_model.episode (service_id, closure_recorded_at);
