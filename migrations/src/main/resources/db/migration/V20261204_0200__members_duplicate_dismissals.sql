-- Pairs of people that staff marked "not the same person": the duplicates list leaves them out.
-- One row per pair, the smaller id first (the list's own order), so a pair is dismissed once.
CREATE TABLE duplicate_dismissals (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    first_id   uuid        NOT NULL,
    second_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, first_id, second_id),
    FOREIGN KEY (tenant_id, first_id) REFERENCES people (tenant_id, id),
    FOREIGN KEY (tenant_id, second_id) REFERENCES people (tenant_id, id),
    CHECK (first_id < second_id)
);
CREATE INDEX duplicate_dismissals_second ON duplicate_dismissals (tenant_id, second_id);
SELECT app.enable_tenant_rls('duplicate_dismissals');
