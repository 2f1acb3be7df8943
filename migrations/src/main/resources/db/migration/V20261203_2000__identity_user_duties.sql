-- Duties a tenant admin grants to a user on top of the role (access/Duty lists the codes, e.g.
-- childfund.casework). One row per user and duty; replacing a user's duties deletes and inserts.
CREATE TABLE user_duties (
    tenant_id  uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    duty       text        NOT NULL CHECK (duty ~ '^[a-z_]+\.[a-z_]+$'),
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, user_id, duty),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id)
);
SELECT app.enable_tenant_rls('user_duties');
