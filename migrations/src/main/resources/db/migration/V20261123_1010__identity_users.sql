-- Identity: platform users (global), tenant users (tenant-owned), refresh-token families, audit.

CREATE TABLE platform_users (
    id            uuid        NOT NULL PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('network_office', 'platform_operator')),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    version       bigint      NOT NULL DEFAULT 0
);

CREATE TABLE users (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    username      text        NOT NULL CHECK (username = lower(username)),
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('tenant_admin', 'staff', 'read_only')),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    version       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, username)
);
SELECT app.enable_tenant_rls('users');

-- A refresh token is "<tenant id>.<token id>.<secret>"; only the SHA-256 of the secret is stored.
CREATE TABLE refresh_tokens (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    secret_hash bytea       NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (tenant_id, family_id);
SELECT app.enable_tenant_rls('refresh_tokens');

CREATE TABLE platform_refresh_tokens (
    id          uuid        NOT NULL PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES platform_users (id),
    secret_hash bytea       NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0
);
CREATE INDEX platform_refresh_tokens_family ON platform_refresh_tokens (family_id);

-- Append-only: the runtime role may only INSERT (see afterMigrate.sql). Never the record's content.
CREATE TABLE audit_log (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor_id    uuid,
    actor_name  text        NOT NULL,
    action      text        NOT NULL,
    target_type text,
    target_id   text,
    outcome     text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    client_addr text,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_time ON audit_log (tenant_id, occurred_at);
SELECT app.enable_tenant_rls('audit_log');

-- Platform-level events: platform users' logins, onboarding, failed logins naming no known tenant.
CREATE TABLE platform_audit_log (
    id            uuid        NOT NULL PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    actor_id      uuid,
    actor_name    text        NOT NULL,
    action        text        NOT NULL,
    target_type   text,
    target_id     text,
    outcome       text        NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
    client_addr   text
);
CREATE INDEX platform_audit_log_time ON platform_audit_log (occurred_at);
