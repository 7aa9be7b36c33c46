-- The latest event (by global index) each projection has applied for a service or an
-- organisation. Dashboards compare it with what they computed from: while it has not moved, a
-- computed dashboard is still exactly right. Deterministic (a maximum of event positions), so a
-- replay rebuilds the same rows.
CREATE TABLE read_model.episode_scope_change (
    service_id  UUID   PRIMARY KEY,
    position    BIGINT NOT NULL
);

CREATE TABLE read_model.staff_scope_change (
    scope_id  UUID   PRIMARY KEY,
    position  BIGINT NOT NULL
);
