-- Who may do what in the database (issue 5, defence in depth). Row-level security on the
-- person-level read models is with them (readmodel/V20261202_0120).
--
-- Flyway runs as the owner of every table. Calon itself connects as ${appRole}, which owns
-- nothing: it reads and writes rows, cannot change the schema, cannot rewrite the audit trail,
-- and is subject to row-level security on the person-level read models. The embedded store makes
-- the role itself; on an external PostgreSQL a database administrator makes it first
-- (README, "Running on your own PostgreSQL"). Without the role, the grants are skipped with a
-- notice and Calon warns at start-up that row-level security does not protect it.

-- The audit trail of every read or export of person-level data: who, which person, what, when,
-- why. Append-only: the application may add and read rows, never change or remove them, and
-- triggers refuse updates, deletes and truncation even to the owner.
CREATE TABLE audit_log (
    audit_id        BIGSERIAL    PRIMARY KEY,
    at              TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    viewer          VARCHAR(200) NOT NULL,
    viewer_role     VARCHAR(20)  NOT NULL,
    organisation_id UUID,
    commissioner_id UUID,
    person_id       UUID         NOT NULL,
    what            VARCHAR(40)  NOT NULL,
    why             VARCHAR(200) NOT NULL
);
CREATE INDEX audit_log_person_idx ON audit_log (person_id, at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        RAISE NOTICE 'role ${appRole} does not exist: no grants made';
        RETURN;
    END IF;
    EXECUTE 'GRANT USAGE ON SCHEMA public, read_model TO ${appRole}';
    EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public, read_model'
            || ' TO ${appRole}';
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${appRole}';
    EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public, read_model TO ${appRole}';
    -- Tables and sequences later migrations make are the application's to use in the same way.
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public, read_model'
            || ' GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO ${appRole}';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public, read_model'
            || ' GRANT USAGE, SELECT ON SEQUENCES TO ${appRole}';
END
$$;
