-- Passwords people choose themselves: a password set by someone else (an admin creating or resetting
-- a user, the operator onboarding a tenant) is temporary until its owner changes it, and a login
-- with it may only change it. A user's e-mail (as typed) lets them reset a forgotten password.
ALTER TABLE users ADD COLUMN password_temporary boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN email text;
CREATE UNIQUE INDEX users_email_key ON users (tenant_id, lower(email)) WHERE email IS NOT NULL;
ALTER TABLE platform_users ADD COLUMN password_temporary boolean NOT NULL DEFAULT false;

-- A password-reset link sent by e-mail: only the SHA-256 of its token is stored. It serves once,
-- until expires_at, and only while it is the user's newest (a newer link supersedes it).
CREATE TABLE password_resets (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    user_id       uuid        NOT NULL,
    token_hash    bytea       NOT NULL,
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz,
    superseded_at timestamptz,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    version       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
CREATE INDEX password_resets_user ON password_resets (tenant_id, user_id);
SELECT app.enable_tenant_rls('password_resets');
