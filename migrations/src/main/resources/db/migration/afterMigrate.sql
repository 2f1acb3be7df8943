-- Runs as the owner after every migrate: grants the runtime role what the request path needs and
-- nothing more. Re-running is harmless. ${app_role} is the login every request is served with.
-- The catalog test checks the outcome (no TRUNCATE, no REFERENCES, audit insert-only, owns nothing).

REVOKE ALL ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} FROM ${app_role};
REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${flyway:defaultSchema} FROM ${app_role};
GRANT USAGE ON SCHEMA ${flyway:defaultSchema}, app TO ${app_role};
REVOKE EXECUTE ON FUNCTION app.enable_tenant_rls(regclass) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.current_tenant() TO ${app_role};

-- Data rights on every table; tenant-owned tables are guarded by forced RLS. Never TRUNCATE or
-- REFERENCES: RLS does not govern them.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO ${app_role};

-- Flyway's history is the owner's alone.
REVOKE ALL ON ${flyway:defaultSchema}.flyway_schema_history FROM ${app_role};

-- The registries are never deleted from by the platform.
REVOKE DELETE ON tenants, platform_users FROM ${app_role};
-- Tenant kinds are changed, never deleted (tenants reference them).
REVOKE DELETE ON tenant_kinds FROM ${app_role};

-- Append-only audit trails.
REVOKE ALL ON audit_log, platform_audit_log FROM ${app_role};
GRANT INSERT ON audit_log, platform_audit_log TO ${app_role};
-- Read through their select-only views (V20261204_0700); a simple view is updatable, so nothing but SELECT.
DO $$
BEGIN
    IF to_regclass('audit_log_entries') IS NOT NULL THEN
        EXECUTE 'REVOKE ALL ON audit_log_entries, platform_audit_log_entries FROM ${app_role}';
        EXECUTE 'GRANT SELECT ON audit_log_entries, platform_audit_log_entries TO ${app_role}';
    END IF;
END
$$;

-- The result staging template is never written (V20261203_2500): imports stage into a temporary copy.
-- Guarded: the migration tests migrate to versions before the table existed.
DO $$
BEGIN
    IF to_regclass('debit_results') IS NOT NULL THEN
        EXECUTE 'REVOKE ALL ON debit_results FROM ${app_role}';
    END IF;
END
$$;
