-- The deferred indexes' definitions (readmodel V20261204_0100) are executed by a function that
-- runs as the owner, so Calon's own role may read them but never write them: only the two
-- functions, running as the owner, add and remove rows.
DO $$
BEGIN
    IF to_regclass('read_model.deferred_index') IS NULL THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        RAISE NOTICE 'role ${appRole} does not exist: no grants changed';
        RETURN;
    END IF;
    EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON read_model.deferred_index FROM ${appRole}';
    EXECUTE 'GRANT SELECT ON read_model.deferred_index TO ${appRole}';
END
$$;
