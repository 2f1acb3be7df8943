-- The bank's result file, staged for its reconciliation: loaded, checked against the batch and
-- applied to the charges set-based, then deleted, all in the reconciliation's one transaction, so
-- no row of it is ever committed. Unlogged: rows that never outlive their transaction need no WAL.
-- A table of the schema (not a temporary one) so that the statements on it are typed jOOQ.
CREATE UNLOGGED TABLE debit_results (
    tenant_id       uuid     NOT NULL,
    batch_id        uuid     NOT NULL,
    record          integer  NOT NULL,
    customer_number text     NOT NULL,
    amount          bigint   NOT NULL,
    code            smallint NOT NULL,
    PRIMARY KEY (tenant_id, batch_id, record)
);
-- The join to the batch's charges and the duplicate check go by customer number.
CREATE INDEX debit_results_customer ON debit_results (tenant_id, batch_id, customer_number);
SELECT app.enable_tenant_rls('debit_results');
