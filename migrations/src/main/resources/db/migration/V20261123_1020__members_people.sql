-- Members: people, the first tenant-owned resource.

CREATE TABLE people (
    tenant_id        uuid        NOT NULL REFERENCES tenants (id),
    id               uuid        NOT NULL,
    family_name      text        NOT NULL,
    given_name       text        NOT NULL,
    family_name_kana text        NOT NULL,
    given_name_kana  text        NOT NULL,
    birth_date       date,
    email            text,
    phone            text        CHECK (phone ~ '^[0-9]{10,11}$'),
    postal_code      text        CHECK (postal_code ~ '^[0-9]{7}$'),
    prefecture       text,
    city             text,
    address_line1    text,
    address_line2    text,
    notes            text,
    -- Computed in Java (gojuon order of the reading); COLLATE "C" so every server sorts alike.
    sort_key         text        COLLATE "C" NOT NULL,
    -- Normalised names, readings, e-mail and phone digits, for substring search.
    search_text      text        NOT NULL,
    archived_at      timestamptz,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL,
    updated_by       text        NOT NULL,
    version          bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX people_by_reading ON people (tenant_id, sort_key, id) WHERE archived_at IS NULL;
SELECT app.enable_tenant_rls('people');
