-- Transactional outbox: a mail is a row written in the same transaction as the change that
-- causes it, so a rollback sends nothing and a crash after commit loses nothing. The mail
-- sender (its own loop, MAIL_SENDER_ENABLED) drains due rows with FOR UPDATE SKIP LOCKED, so
-- several nodes never send the same row at once; failures are retried with exponential backoff
-- and, after the last attempt, the row is marked failed with the last error.
-- next_attempt_at is the database's clock (operational timing, not business time).
CREATE TABLE outbox (
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    id              uuid        NOT NULL,
    kind            text        NOT NULL,
    recipient       text        NOT NULL,
    from_name       text        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    -- sent: the SMTP server accepted it; unsent: no SMTP server configured (logged only); failed: gave up.
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'unsent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error      text,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    updated_at      timestamptz NOT NULL,
    updated_by      text        NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_due ON outbox (tenant_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_done ON outbox (tenant_id, updated_at) WHERE status <> 'pending';
SELECT app.enable_tenant_rls('outbox');
