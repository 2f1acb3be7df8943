-- Members: membership types (the tenant's fee schedule, as data) and memberships with history.

CREATE TABLE membership_types (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    fee_yen     bigint      NOT NULL CHECK (fee_yen >= 0),
    period      text        NOT NULL CHECK (period IN ('monthly', 'yearly', 'once')),
    per_unit    boolean     NOT NULL,
    member_kind text        NOT NULL CHECK (member_kind IN ('person', 'organization')),
    description text,
    archived_at timestamptz,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX membership_types_name ON membership_types (tenant_id, name) WHERE archived_at IS NULL;
SELECT app.enable_tenant_rls('membership_types');

CREATE TABLE memberships (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL,
    person_id       uuid,
    organization_id uuid,
    type_id         uuid        NOT NULL,
    units           integer     NOT NULL CHECK (units >= 1),
    starts_on       date        NOT NULL,
    ends_on         date,
    status          text        NOT NULL CHECK (status IN ('active', 'lapsed', 'ended')),
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
    FOREIGN KEY (tenant_id, type_id) REFERENCES membership_types (tenant_id, id),
    CHECK ((person_id IS NULL) <> (organization_id IS NULL)),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX memberships_person ON memberships (tenant_id, person_id);
CREATE INDEX memberships_organization ON memberships (tenant_id, organization_id);
CREATE INDEX memberships_type ON memberships (tenant_id, type_id, status);
SELECT app.enable_tenant_rls('memberships');

-- Every change of a membership: what changed, when, by whom.
CREATE TABLE membership_events (
    tenant_id     uuid        NOT NULL,
    id            uuid        NOT NULL,
    membership_id uuid        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    kind          text        NOT NULL,
    detail        text,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    version       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id)
);
CREATE INDEX membership_events_membership ON membership_events (tenant_id, membership_id, occurred_at);
SELECT app.enable_tenant_rls('membership_events');
