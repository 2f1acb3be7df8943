-- Organisations as donors (issue 12): an organisation gives receiptable donations (a co-op's
-- gift, a company's), and a receipt is addressed to a person or an organisation.

-- The first release let only people give donations (organisations paid fees only); the check has
-- no name of its own, so it is found by what it says.
DO $$
DECLARE
    c text;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'donations'::regclass AND contype = 'c'
               AND pg_get_constraintdef(oid) LIKE '%''fee''%person_id IS NOT NULL%'
    LOOP
        EXECUTE format('ALTER TABLE donations DROP CONSTRAINT %I', c);
    END LOOP;
END;
$$;
CREATE INDEX donations_organization ON donations (tenant_id, organization_id, received_on) WHERE organization_id IS NOT NULL;

ALTER TABLE receipts
    ALTER COLUMN person_id DROP NOT NULL,
    ADD COLUMN organization_id uuid,
    ADD CONSTRAINT receipts_organization FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
    ADD CONSTRAINT receipts_one_donor CHECK ((person_id IS NULL) <> (organization_id IS NULL));
CREATE INDEX receipts_organization ON receipts (tenant_id, organization_id, year) WHERE organization_id IS NOT NULL;

-- The donor an issued receipt names is as final as the rest of it.
CREATE OR REPLACE FUNCTION app.receipts_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.receipt_number IS DISTINCT FROM OLD.receipt_number OR NEW.pdf IS DISTINCT FROM OLD.pdf
       OR NEW.total IS DISTINCT FROM OLD.total OR NEW.person_id IS DISTINCT FROM OLD.person_id
       OR NEW.organization_id IS DISTINCT FROM OLD.organization_id
       OR NEW.issued_on IS DISTINCT FROM OLD.issued_on OR OLD.status = 'void' THEN
        RAISE EXCEPTION 'an issued receipt cannot be changed; reissue it';
    END IF;
    RETURN NEW;
END;
$$;
