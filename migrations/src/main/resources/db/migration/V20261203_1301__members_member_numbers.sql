-- Member numbers (会員番号) are shared by a tenant's people and organisations. The two tables'
-- own unique keys cannot see each other, so every issued number is also a row here, keyed by
-- (tenant_id, member_number) and kept by triggers on both tables: two concurrent creates that
-- take the same number meet at this primary key, whichever table they write.
CREATE TABLE member_numbers (
    tenant_id       uuid   NOT NULL REFERENCES tenants (id),
    member_number   bigint NOT NULL,
    person_id       uuid,
    organization_id uuid,
    PRIMARY KEY (tenant_id, member_number),
    CHECK ((person_id IS NULL) <> (organization_id IS NULL))
);
SELECT app.enable_tenant_rls('member_numbers');

CREATE FUNCTION app.track_member_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.member_number IS NOT NULL
       AND (TG_OP = 'DELETE' OR NEW.member_number IS DISTINCT FROM OLD.member_number) THEN
        IF TG_TABLE_NAME = 'people' THEN
            DELETE FROM ${flyway:defaultSchema}.member_numbers
            WHERE tenant_id = OLD.tenant_id AND member_number = OLD.member_number AND person_id = OLD.id;
        ELSE
            DELETE FROM ${flyway:defaultSchema}.member_numbers
            WHERE tenant_id = OLD.tenant_id AND member_number = OLD.member_number AND organization_id = OLD.id;
        END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.member_number IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.member_number IS DISTINCT FROM OLD.member_number) THEN
        IF TG_TABLE_NAME = 'people' THEN
            INSERT INTO ${flyway:defaultSchema}.member_numbers (tenant_id, member_number, person_id)
            VALUES (NEW.tenant_id, NEW.member_number, NEW.id);
        ELSE
            INSERT INTO ${flyway:defaultSchema}.member_numbers (tenant_id, member_number, organization_id)
            VALUES (NEW.tenant_id, NEW.member_number, NEW.id);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER people_member_number AFTER INSERT OR UPDATE OF member_number OR DELETE ON people
    FOR EACH ROW EXECUTE FUNCTION app.track_member_number();
CREATE TRIGGER organizations_member_number AFTER INSERT OR UPDATE OF member_number OR DELETE ON organizations
    FOR EACH ROW EXECUTE FUNCTION app.track_member_number();

-- Numbers already issued. RLS is forced on the owner too, so the copy lifts it for these three
-- tables for the length of this migration's transaction. Should a person and an organisation
-- already share a number (the race this table closes), the person keeps it here and the
-- organisation's is left for staff to change.
ALTER TABLE people NO FORCE ROW LEVEL SECURITY;
ALTER TABLE organizations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE member_numbers NO FORCE ROW LEVEL SECURITY;
INSERT INTO member_numbers (tenant_id, member_number, person_id)
    SELECT tenant_id, member_number, id FROM people WHERE member_number IS NOT NULL;
INSERT INTO member_numbers (tenant_id, member_number, organization_id)
    SELECT tenant_id, member_number, id FROM organizations WHERE member_number IS NOT NULL
    ON CONFLICT (tenant_id, member_number) DO NOTHING;
ALTER TABLE people FORCE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
ALTER TABLE member_numbers FORCE ROW LEVEL SECURITY;
