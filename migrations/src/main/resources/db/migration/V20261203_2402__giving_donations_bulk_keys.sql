-- The result import inserts a donation per debited charge (100,000 in one statement). Per-row foreign
-- keys made it pay a FOR KEY SHARE lock on the tenant's row and on every donor's people row, which
-- dirties each donor's page again under full-page writes (README, Benchmarks: 4.0 s of a 9.4 s import).
-- What those keys guarded is held otherwise:
--   - tenants are never deleted (the runtime role has no DELETE on them, afterMigrate.sql);
--   - people are never deleted (merged and archived people keep their rows): a trigger now refuses it,
--     as recurring gifts do since V20261203_2400; staff-entered donations name a person the facade has
--     found in the tenant, collected ones take the person of their charge's gift.
ALTER TABLE donations DROP CONSTRAINT donations_tenant_id_fkey;
ALTER TABLE donations DROP CONSTRAINT donations_tenant_id_person_id_fkey;

CREATE FUNCTION app.people_are_never_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a person is archived or merged, never deleted (donations, gifts and history refer to them)';
END;
$$;
CREATE TRIGGER people_never_deleted BEFORE DELETE ON people FOR EACH ROW EXECUTE FUNCTION app.people_are_never_deleted();

-- The result import updates each charge of the batch once (status, result code, failure): no indexed
-- column changes, so with room on the page the update stays HOT and touches no index.
ALTER TABLE charges SET (fillfactor = 85);
