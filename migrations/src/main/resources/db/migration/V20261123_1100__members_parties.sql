-- Members: one party model. Branches, organisations, relationships between people,
-- affiliations of people to organisations, consent and sensitivity flags, member numbers.

-- Per-tenant counters from which humans get numbers (会員番号, later receipt numbers).
CREATE TABLE counters (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    name       text        NOT NULL,
    next_value bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, name)
);
SELECT app.enable_tenant_rls('counters');

CREATE TABLE branches (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    name_kana   text,
    notes       text,
    archived_at timestamptz,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX branches_name ON branches (tenant_id, name) WHERE archived_at IS NULL;
SELECT app.enable_tenant_rls('branches');

CREATE TABLE organizations (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    id            uuid        NOT NULL,
    member_number bigint,
    name          text        NOT NULL,
    name_kana     text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('union_federation', 'npo', 'coop', 'company', 'government', 'school', 'medical', 'other')),
    email         text,
    phone         text        CHECK (phone ~ '^[0-9]{10,11}$'),
    website       text,
    postal_code   text        CHECK (postal_code ~ '^[0-9]{7}$'),
    prefecture    text,
    city          text,
    address_line1 text,
    address_line2 text,
    notes         text,
    branch_id     uuid,
    sort_key      text        COLLATE "C" NOT NULL,
    search_text   text        NOT NULL,
    archived_at   timestamptz,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    version       bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, member_number),
    FOREIGN KEY (tenant_id, branch_id) REFERENCES branches (tenant_id, id)
);
CREATE INDEX organizations_by_reading ON organizations (tenant_id, sort_key, id) WHERE archived_at IS NULL;
CREATE INDEX organizations_by_branch ON organizations (tenant_id, branch_id);
SELECT app.enable_tenant_rls('organizations');

ALTER TABLE people
    ADD COLUMN member_number      bigint,
    ADD COLUMN branch_id          uuid,
    ADD COLUMN newsletter_consent boolean NOT NULL DEFAULT false,
    ADD COLUMN no_postal_mail     boolean NOT NULL DEFAULT false,
    ADD COLUMN no_email           boolean NOT NULL DEFAULT false,
    ADD COLUMN deceased_on        date,
    ADD COLUMN sensitive          boolean NOT NULL DEFAULT false,
    ADD COLUMN merged_into        uuid,
    ADD CONSTRAINT people_member_number UNIQUE (tenant_id, member_number),
    ADD CONSTRAINT people_branch FOREIGN KEY (tenant_id, branch_id) REFERENCES branches (tenant_id, id);
CREATE INDEX people_by_branch ON people (tenant_id, branch_id);
CREATE INDEX people_by_email ON people (tenant_id, email) WHERE archived_at IS NULL;
CREATE INDEX people_by_phone ON people (tenant_id, phone) WHERE archived_at IS NULL;
CREATE INDEX people_by_birth ON people (tenant_id, family_name_kana, given_name_kana, birth_date) WHERE archived_at IS NULL;

-- person_id is the parent / guardian / spouse of related_person_id.
CREATE TABLE relationships (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    id                uuid        NOT NULL,
    person_id         uuid        NOT NULL,
    related_person_id uuid        NOT NULL,
    kind              text        NOT NULL CHECK (kind IN ('parent', 'guardian', 'spouse')),
    starts_on         date,
    ends_on           date,
    notes             text,
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text        NOT NULL,
    version           bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, person_id, related_person_id, kind),
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
    FOREIGN KEY (tenant_id, related_person_id) REFERENCES people (tenant_id, id),
    CHECK (person_id <> related_person_id),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX relationships_related ON relationships (tenant_id, related_person_id);
SELECT app.enable_tenant_rls('relationships');

CREATE TABLE affiliations (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL,
    person_id       uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    role            text,
    starts_on       date,
    ends_on         date,
    notes           text,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX affiliations_person ON affiliations (tenant_id, person_id);
CREATE INDEX affiliations_organization ON affiliations (tenant_id, organization_id);
SELECT app.enable_tenant_rls('affiliations');
