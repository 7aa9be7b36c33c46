-- A replay rebuilds a projection's tables from empty; keeping every secondary index up to date
-- row by row was most of PostgreSQL's work in it. A projection's reset drops the secondary
-- indexes of its tables (never a primary key or unique index: the idempotent inserts and the
-- updates by key need those) and remembers their definitions here; once the replay has passed
-- the point it was reset at, the indexes are built again, each in one pass over its table.
--
-- Calon's connections own no table (store V20261202_0800), so both steps are functions that run
-- as the owner (SECURITY DEFINER). They touch only this schema's non-unique indexes, and the
-- definitions they execute are those PostgreSQL itself wrote (pg_get_indexdef): the application
-- role may read this table but not write it (store V20261204_0110).
CREATE TABLE read_model.deferred_index (
    index_name        TEXT        PRIMARY KEY,
    processing_group  TEXT        NOT NULL,
    definition        TEXT        NOT NULL,
    deferred_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION read_model.defer_indexes(p_group TEXT, p_tables TEXT[]) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    idx RECORD;
    dropped INTEGER := 0;
BEGIN
    FOR idx IN
        SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
          FROM pg_index x
          JOIN pg_class i ON i.oid = x.indexrelid
          JOIN pg_class t ON t.oid = x.indrelid
          JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = 'read_model' AND t.relname = ANY (p_tables)
           AND NOT x.indisprimary AND NOT x.indisunique
         ORDER BY i.relname
    LOOP
        INSERT INTO read_model.deferred_index (index_name, processing_group, definition)
        VALUES (idx.name, p_group, idx.definition);
        EXECUTE format('DROP INDEX read_model.%I', idx.name);
        dropped := dropped + 1;
    END LOOP;
    RETURN dropped;
END
$$;

CREATE FUNCTION read_model.build_deferred_indexes(p_group TEXT) RETURNS INTEGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    idx RECORD;
    built INTEGER := 0;
BEGIN
    -- Locked first: a second node building the same group waits, then finds nothing left.
    FOR idx IN
        SELECT d.index_name, d.definition FROM read_model.deferred_index d
         WHERE d.processing_group = p_group
         ORDER BY d.index_name
           FOR UPDATE
    LOOP
        IF idx.definition !~ '^CREATE INDEX [a-z0-9_]+ ON read_model\.[a-z0-9_]+ USING btree \([a-z0-9_, ]+\)$' THEN
            RAISE EXCEPTION 'deferred index % has an unexpected definition', idx.index_name;
        END IF;
        EXECUTE idx.definition;
        DELETE FROM read_model.deferred_index WHERE index_name = idx.index_name;
        built := built + 1;
    END LOOP;
    RETURN built;
END
$$;
