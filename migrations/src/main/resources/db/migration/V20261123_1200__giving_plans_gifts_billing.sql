-- Giving: gift plans, recurring gifts with history, charges (one per gift and period), billing runs.

CREATE TABLE gift_plans (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id),
    id          uuid        NOT NULL,
    name        text        NOT NULL,
    unit_amount bigint      NOT NULL CHECK (unit_amount > 0),
    interval    text        NOT NULL CHECK (interval IN ('monthly', 'yearly', 'once')),
    purpose     text,
    published   boolean     NOT NULL DEFAULT true,
    archived_at timestamptz,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX gift_plans_name ON gift_plans (tenant_id, name) WHERE archived_at IS NULL;
SELECT app.enable_tenant_rls('gift_plans');

CREATE TABLE recurring_gifts (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    id             uuid        NOT NULL,
    gift_number    bigint      NOT NULL,
    person_id      uuid        NOT NULL,
    plan_id        uuid        NOT NULL,
    units          integer     NOT NULL CHECK (units BETWEEN 1 AND 10000),
    payment_method text        NOT NULL CHECK (payment_method IN ('direct_debit', 'card', 'bank_transfer', 'cash')),
    start_month    date        NOT NULL CHECK (extract(day FROM start_month) = 1),
    status         text        NOT NULL CHECK (status IN ('active', 'paused', 'error', 'cancelled')),
    status_reason  text,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, gift_number),
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
    FOREIGN KEY (tenant_id, plan_id) REFERENCES gift_plans (tenant_id, id)
);
CREATE INDEX recurring_gifts_billing ON recurring_gifts (tenant_id, status, start_month);
CREATE INDEX recurring_gifts_person ON recurring_gifts (tenant_id, person_id);
SELECT app.enable_tenant_rls('recurring_gifts');

CREATE TABLE recurring_gift_events (
    tenant_id   uuid        NOT NULL,
    id          uuid        NOT NULL,
    gift_id     uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    kind        text        NOT NULL,
    detail      text,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, gift_id) REFERENCES recurring_gifts (tenant_id, id)
);
CREATE INDEX recurring_gift_events_gift ON recurring_gift_events (tenant_id, gift_id, occurred_at);
SELECT app.enable_tenant_rls('recurring_gift_events');

CREATE TABLE billing_runs (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL,
    period          date        NOT NULL CHECK (extract(day FROM period) = 1),
    status          text        NOT NULL CHECK (status IN ('running', 'completed')),
    charges_created integer     NOT NULL DEFAULT 0,
    total_created   bigint      NOT NULL DEFAULT 0,
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX billing_runs_period ON billing_runs (tenant_id, period);
SELECT app.enable_tenant_rls('billing_runs');

-- Exactly one charge per gift and period: the unique key makes every billing run idempotent.
CREATE TABLE charges (
    tenant_id  uuid        NOT NULL,
    id         uuid        NOT NULL,
    gift_id    uuid        NOT NULL,
    period     date        NOT NULL,
    amount     bigint      NOT NULL CHECK (amount > 0),
    method     text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('pending', 'collected', 'failed')),
    run_id     uuid,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL,
    version    bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, gift_id, period),
    FOREIGN KEY (tenant_id, gift_id) REFERENCES recurring_gifts (tenant_id, id)
);
CREATE INDEX charges_period ON charges (tenant_id, period, status);
CREATE INDEX charges_run ON charges (tenant_id, run_id);
SELECT app.enable_tenant_rls('charges');
