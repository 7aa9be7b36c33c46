-- As in Calon's own store (store/V20261202_0800): the warehouse connects as ${appRole}, which
-- owns nothing and may only read and write rows. The embedded store makes the role; on an
-- external PostgreSQL a database administrator makes it first. Without it, no grants are made.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        RAISE NOTICE 'role ${appRole} does not exist: no grants made';
        RETURN;
    END IF;
    EXECUTE 'GRANT USAGE ON SCHEMA public, read_model, warehouse TO ${appRole}';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public, read_model, warehouse'
            || ' TO ${appRole}';
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public, read_model, warehouse TO ${appRole}';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public, read_model, warehouse'
            || ' GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${appRole}';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public, read_model, warehouse'
            || ' GRANT USAGE, SELECT ON SEQUENCES TO ${appRole}';
END
$$;
