-- Platform core: the tenant registry, the helpers every tenant table uses for Row Level Security,
-- and the counters from which humans get per-tenant numbers.

CREATE SCHEMA IF NOT EXISTS app;

-- The tenant bound to the current transaction (set_config('app.tenant_id', ..., true)).
-- NULLIF: after a pooled connection once used a transaction-local value, the variable reads ''
-- rather than NULL; either way no tenant is bound and every policy sees zero rows.
CREATE FUNCTION app.current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Turns on forced RLS with the one tenant policy. Every migration that creates a table with a
-- tenant_id calls this; the catalog test fails for any table that was forgotten.
CREATE FUNCTION app.enable_tenant_rls(tbl regclass) RETURNS void
    LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s FOR ALL '
                   'USING (tenant_id = (SELECT app.current_tenant())) '
                   'WITH CHECK (tenant_id = (SELECT app.current_tenant()))', tbl);
END
$$;

-- Global: the registry of organisations. Slugs and names are not personal data.
CREATE TABLE tenants (
    id          uuid        NOT NULL PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{1,38}[a-z0-9]$'),
    name_ja     text        NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
    name_en     text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    kind        text        NOT NULL,
    settings    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status      text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0
);
