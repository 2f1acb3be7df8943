-- Charges: each key, index and foreign key kept for a query that needs it (README, "Money tables:
-- keys and indexes"), measured with BillingRunBench on durable server settings.

-- Time-ordered ids (UUID version 7, the layout of shared/Ids.newId) for rows a set-based statement
-- inserts: 48 bits of Unix milliseconds, the version, 64 bits of random() (a per-backend PRNG
-- seeded from a strong source; the primary key catches the impossible duplicate). New keys land
-- on the right edge of the primary key instead of on random leaf pages, and random() costs less
-- than gen_random_uuid()'s strong random bytes (1.5 s against 1.6-3 s per million on 2 cores).
CREATE FUNCTION app.uuid_v7() RETURNS uuid
    LANGUAGE sql VOLATILE PARALLEL SAFE
AS $$
SELECT encode(int8send((floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint << 16) | 28672 | floor(random() * 4096)::bigint)
           || int8send(floor(random() * 4611686018427387904)::bigint | '-9223372036854775808'::bigint), 'hex')::uuid
$$;

-- The idempotency key leads with the period: one charge per gift (or membership) and period, and
-- the same index serves every query by period (a run's totals, the card charges and the
-- direct-debit batch of a period), so charges_period goes. A run inserts in gift order, which
-- fills the period's part of the key in order.
CREATE UNIQUE INDEX charges_period_gift ON charges (tenant_id, period, gift_id);
ALTER TABLE charges DROP CONSTRAINT charges_tenant_id_gift_id_period_key;
CREATE UNIQUE INDEX charges_period_membership ON charges (tenant_id, period, membership_id) WHERE membership_id IS NOT NULL;
DROP INDEX charges_membership_period;
DROP INDEX charges_period;

-- A run's total is summed inside its period (the key above), not through an index of its own.
DROP INDEX charges_run;

-- The batch index serves the request file (the batch in customer-number order) and the result
-- import (the join on customer number); charges outside a batch need no entry, so the run
-- inserts none.
CREATE INDEX charges_batch_customer ON charges (tenant_id, batch_id, customer_number) WHERE batch_id IS NOT NULL;
DROP INDEX charges_batch;

-- The foreign key to recurring_gifts checked every inserted charge with a key-share lock on its
-- gift row, which dirtied every gift's page (a quarter of the run's time at 1,000,000 charges).
-- Charges are only inserted from the gifts themselves, in the same statement, so what it guarded
-- is a gift deleted under its charges: gifts are cancelled, never deleted, and the database
-- now refuses the delete itself.
ALTER TABLE charges DROP CONSTRAINT charges_tenant_id_gift_id_fkey;
CREATE FUNCTION app.gifts_are_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a recurring gift is cancelled, never deleted (its charges and history refer to it)';
END;
$$;
CREATE TRIGGER recurring_gifts_never_deleted BEFORE DELETE ON recurring_gifts FOR EACH ROW EXECUTE FUNCTION app.gifts_are_never_deleted();
