-- Giving, part 2: payment details on gifts, idempotent public sign-ups, tenant giving settings,
-- direct-debit batches, money received (donations and fees), receipts, and the scheduler's table.

-- The bank account number is stored encrypted by the application (AES-GCM, key outside the
-- database); staff see the mask only.
ALTER TABLE recurring_gifts
    ADD COLUMN bank_code           text CHECK (bank_code ~ '^[0-9]{4}$'),
    ADD COLUMN branch_code         text CHECK (branch_code ~ '^[0-9]{3}$'),
    ADD COLUMN account_type        smallint CHECK (account_type IN (1, 2, 4, 9)),
    ADD COLUMN account_number_enc  text,
    ADD COLUMN account_number_mask text,
    ADD COLUMN account_holder_kana text,
    ADD COLUMN card_customer       text,
    ADD COLUMN source              text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'public')),
    -- An error the bank may clear by itself (insufficient funds, other) is charged again next period.
    ADD COLUMN retry_next_run      boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT recurring_gifts_debit_account CHECK (
        payment_method <> 'direct_debit' OR source = 'staff'
        OR (bank_code IS NOT NULL AND branch_code IS NOT NULL AND account_type IS NOT NULL
            AND account_number_enc IS NOT NULL AND account_holder_kana IS NOT NULL));

-- The same Idempotency-Key returns the first response; the request hash catches a key reused for another body.
CREATE TABLE idempotency_keys (
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    key           text        NOT NULL,
    scope         text        NOT NULL,
    request_hash  text        NOT NULL,
    status        integer     NOT NULL,
    response      text        NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, scope, key)
);
SELECT app.enable_tenant_rls('idempotency_keys');

CREATE TABLE giving_settings (
    tenant_id            uuid        NOT NULL REFERENCES tenants (id),
    organization_address text,
    certification_number text,
    certification_date   date,
    consignor_code       text CHECK (consignor_code ~ '^[0-9]{10}$'),
    consignor_kana       text,
    bank_code            text CHECK (bank_code ~ '^[0-9]{4}$'),
    branch_code          text CHECK (branch_code ~ '^[0-9]{3}$'),
    account_type         smallint CHECK (account_type IN (1, 2, 4, 9)),
    account_number       text CHECK (account_number ~ '^[0-9]{7}$'),
    debit_day            smallint    NOT NULL DEFAULT 27 CHECK (debit_day BETWEEN 1 AND 31),
    run_day              smallint    NOT NULL DEFAULT 5 CHECK (run_day BETWEEN 1 AND 28),
    staff_email          text,
    created_at           timestamptz NOT NULL,
    created_by           text        NOT NULL,
    updated_at           timestamptz NOT NULL,
    updated_by           text        NOT NULL,
    version              bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id)
);
SELECT app.enable_tenant_rls('giving_settings');

-- Charges: membership dues join gifts in the same runs; failures keep the bank's code.
ALTER TABLE charges
    ALTER COLUMN gift_id DROP NOT NULL,
    ADD COLUMN membership_id uuid,
    ADD COLUMN person_id     uuid,
    ADD COLUMN organization_id uuid,
    ADD COLUMN kind          text NOT NULL DEFAULT 'donation' CHECK (kind IN ('donation', 'fee')),
    ADD COLUMN batch_id      uuid,
    ADD COLUMN customer_number text,
    ADD COLUMN result_code   smallint,
    ADD COLUMN failure       text,
    ADD CONSTRAINT charges_one_source CHECK ((gift_id IS NULL) <> (membership_id IS NULL)),
    ADD CONSTRAINT charges_membership FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships (tenant_id, id);
ALTER TABLE charges DROP CONSTRAINT charges_status_check;
ALTER TABLE charges ADD CONSTRAINT charges_status_check CHECK (status IN ('pending', 'submitted', 'collected', 'failed'));
CREATE UNIQUE INDEX charges_membership_period ON charges (tenant_id, membership_id, period) WHERE membership_id IS NOT NULL;
CREATE INDEX charges_batch ON charges (tenant_id, batch_id, customer_number);
ALTER TABLE billing_runs ADD COLUMN fees_created integer NOT NULL DEFAULT 0;

CREATE TABLE debit_batches (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL,
    batch_number    bigint      NOT NULL,
    run_id          uuid        NOT NULL,
    period          date        NOT NULL,
    debit_date      date        NOT NULL,
    charge_count    integer     NOT NULL,
    total           bigint      NOT NULL,
    status          text        NOT NULL CHECK (status IN ('created', 'reconciled')),
    debited_count   integer,
    debited_total   bigint,
    failed_count    integer,
    failed_total    bigint,
    result_summary  text,
    reconciled_at   timestamptz,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, batch_number),
    FOREIGN KEY (tenant_id, run_id) REFERENCES billing_runs (tenant_id, id)
);
CREATE INDEX debit_batches_period ON debit_batches (tenant_id, period);
SELECT app.enable_tenant_rls('debit_batches');

-- Money received: one-off donations entered by staff, and collected charges (donations or fees).
CREATE TABLE donations (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    id             uuid        NOT NULL,
    person_id      uuid,
    organization_id uuid,
    kind           text        NOT NULL CHECK (kind IN ('donation', 'fee')),
    amount         bigint      NOT NULL CHECK (amount > 0),
    received_on    date        NOT NULL,
    method         text        NOT NULL CHECK (method IN ('direct_debit', 'card', 'bank_transfer', 'cash')),
    purpose        text,
    charge_id      uuid,
    receipt_id     uuid,
    note           text,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
    CHECK ((person_id IS NULL) <> (organization_id IS NULL)),
    -- Only people give receiptable donations; organisations pay fees.
    CHECK (kind = 'fee' OR person_id IS NOT NULL)
);
-- A charge becomes money received once, however often its result is uploaded.
CREATE UNIQUE INDEX donations_charge ON donations (tenant_id, charge_id) WHERE charge_id IS NOT NULL;
CREATE INDEX donations_person ON donations (tenant_id, person_id, received_on);
CREATE INDEX donations_received ON donations (tenant_id, received_on);
SELECT app.enable_tenant_rls('donations');

-- An issued receipt never changes: its PDF is kept as issued; a reissue voids it and points to the new one.
CREATE TABLE receipts (
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    id             uuid        NOT NULL,
    receipt_number text        NOT NULL,
    person_id      uuid        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('single', 'annual')),
    year           integer     NOT NULL,
    issued_on      date        NOT NULL,
    total          bigint      NOT NULL,
    status         text        NOT NULL CHECK (status IN ('issued', 'void')),
    replaces_id    uuid,
    replaced_by_id uuid,
    pdf            bytea       NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, receipt_number),
    FOREIGN KEY (tenant_id, person_id) REFERENCES people (tenant_id, id)
);
CREATE INDEX receipts_person ON receipts (tenant_id, person_id, year);
SELECT app.enable_tenant_rls('receipts');

CREATE TABLE receipt_lines (
    tenant_id   uuid NOT NULL,
    receipt_id  uuid NOT NULL,
    donation_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, receipt_id, donation_id),
    FOREIGN KEY (tenant_id, receipt_id) REFERENCES receipts (tenant_id, id),
    FOREIGN KEY (tenant_id, donation_id) REFERENCES donations (tenant_id, id)
);
SELECT app.enable_tenant_rls('receipt_lines');

-- db-scheduler's table (platform-level): one row per task instance; its heartbeat and version
-- columns let exactly one node pick a due execution.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- What a receipt certifies never changes after issue, whoever connects: only its status and
-- the pointer to its replacement may be set (once, on reissue).
CREATE FUNCTION app.receipts_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.receipt_number IS DISTINCT FROM OLD.receipt_number OR NEW.pdf IS DISTINCT FROM OLD.pdf
       OR NEW.total IS DISTINCT FROM OLD.total OR NEW.person_id IS DISTINCT FROM OLD.person_id
       OR NEW.issued_on IS DISTINCT FROM OLD.issued_on OR OLD.status = 'void' THEN
        RAISE EXCEPTION 'an issued receipt cannot be changed; reissue it';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER receipts_immutable BEFORE UPDATE ON receipts FOR EACH ROW EXECUTE FUNCTION app.receipts_are_immutable();
CREATE TRIGGER receipts_never_deleted BEFORE DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION app.receipts_are_immutable();
