-- The result import (README, Benchmarks) no longer stages into debit_results itself: each
-- reconciliation creates a temporary copy of it (ON COMMIT DROP) and stages there. A temporary
-- table is private to its session and gone when the transaction ends, writes no WAL, lives in
-- local buffers and is not contended by other tenants' imports; staging 100,000 records went
-- from 1.07 s (this unlogged table with two indexes and RLS) to about 0.1 s. The table stays in
-- the schema as the typed template jOOQ generates the staging columns from; nothing writes it.
DROP INDEX debit_results_customer;
ALTER TABLE debit_results DROP CONSTRAINT debit_results_pkey;
COMMENT ON TABLE debit_results IS 'Template of the temporary staging table of a result import; never holds a row.';

-- Every charge of a batch is updated twice in its month: assigned to the batch (a new version and
-- new index entries, since batch_id is indexed) and then given its result (status, code, failure:
-- no indexed column). The result update touches every row of a page at once, so it stays HOT
-- (heap only, no index entry) only if the page has room for a new version of each of its rows:
-- at fillfactor 85 a third of 100,000 updates were HOT and the update took 1.4-2.0 s; at 50,
-- all of them, 0.65-0.8 s. The table takes twice the pages; the billing run bench shows the cost.
ALTER TABLE charges SET (fillfactor = 50);
