-- A donation is never edited or deleted. A cancellation is a counter-entry: a row of its own that
-- names the donation it reverses (reverses_id), with the same amount (CHECK amount > 0 holds: the
-- row's role, not its sign, says it takes the money back) and the reason staff gave. A correction is
-- a counter-entry and a new donation that names the one it corrects (corrects_id). Totals, the
-- donor list and receipts leave out a reversed donation and its counter-entry.
-- Neither kind of row has a charge: donations_keyed_by_charge (id = charge_id) is untouched, and a
-- counter-entry's own id is new.
ALTER TABLE donations
    ADD COLUMN reverses_id uuid,
    ADD COLUMN corrects_id uuid,
    ADD COLUMN reason      text;
-- Checked for new rows only (NOT VALID: existing rows have none of these columns set, and no scan).
ALTER TABLE donations ADD CONSTRAINT donations_entry_has_reason
    CHECK ((reverses_id IS NULL AND corrects_id IS NULL) OR reason IS NOT NULL) NOT VALID;
ALTER TABLE donations ADD CONSTRAINT donations_counter_entry_has_no_charge
    CHECK (reverses_id IS NULL OR (charge_id IS NULL AND corrects_id IS NULL)) NOT VALID;
-- One counter-entry per donation: a second cancellation (even a concurrent one) fails on this key.
-- Partial, so the result import's rows (reverses_id null) add no entry to it.
CREATE UNIQUE INDEX donations_reversal ON donations (tenant_id, reverses_id) WHERE reverses_id IS NOT NULL;
-- The donation that corrects another, found from it (a donation is corrected once: its one counter-entry).
CREATE UNIQUE INDEX donations_correction ON donations (tenant_id, corrects_id) WHERE corrects_id IS NOT NULL;
