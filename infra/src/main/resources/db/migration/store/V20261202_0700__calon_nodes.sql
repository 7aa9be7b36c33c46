-- The Calons running on this database, each renewing its row every few seconds, so that a node
-- holding more than its share of the processors' segments can hand some to the others.
CREATE TABLE calon_node (
    node_id  TEXT        PRIMARY KEY,
    seen_at  TIMESTAMPTZ NOT NULL
);
