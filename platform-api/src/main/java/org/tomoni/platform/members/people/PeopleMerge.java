package org.tomoni.platform.members.people;

import org.tomoni.platform.members.memberships.MembershipsTable;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.tomoni.platform.members.links.LinksTable.AFFILIATIONS;
import static org.tomoni.platform.members.links.LinksTable.KIND;
import static org.tomoni.platform.members.links.LinksTable.PERSON_ID;
import static org.tomoni.platform.members.links.LinksTable.RELATED_PERSON_ID;
import static org.tomoni.platform.members.links.LinksTable.RELATIONSHIPS;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/**
 * Moves every reference from a duplicate to the survivor (relationships, affiliations,
 * memberships; later modules add theirs here), fills the survivor's empty fields from the
 * duplicate, and archives the duplicate as merged.
 */
final class PeopleMerge {
    private PeopleMerge() {
    }

    static void merge(DSLContext dsl, UUID tenantId, PersonView survivor, PersonView duplicate, OffsetDateTime now, String by) {
        UUID keep = survivor.id();
        UUID drop = duplicate.id();
        // A relationship between the two, or one the survivor already has, would become a self-link or a duplicate.
        dsl.deleteFrom(RELATIONSHIPS).where(TENANT_ID.eq(tenantId),
            PERSON_ID.in(keep, drop).and(RELATED_PERSON_ID.in(keep, drop))).execute();
        var r2 = RELATIONSHIPS.as("r2");
        var outerRelated = DSL.field(DSL.name("relationships", "related_person_id"), UUID.class);
        var outerPerson = DSL.field(DSL.name("relationships", "person_id"), UUID.class);
        var outerKind = DSL.field(DSL.name("relationships", "kind"), String.class);
        dsl.deleteFrom(RELATIONSHIPS).where(TENANT_ID.eq(tenantId), PERSON_ID.eq(drop), DSL.exists(DSL.selectOne().from(r2).where(
            org.tomoni.platform.shared.Columns.qualified(r2, TENANT_ID).eq(tenantId), org.tomoni.platform.shared.Columns.qualified(r2, PERSON_ID).eq(keep), org.tomoni.platform.shared.Columns.qualified(r2, RELATED_PERSON_ID).eq(outerRelated),
            org.tomoni.platform.shared.Columns.qualified(r2, KIND).eq(outerKind)))).execute();
        dsl.deleteFrom(RELATIONSHIPS).where(TENANT_ID.eq(tenantId), RELATED_PERSON_ID.eq(drop), DSL.exists(DSL.selectOne().from(r2).where(
            org.tomoni.platform.shared.Columns.qualified(r2, TENANT_ID).eq(tenantId), org.tomoni.platform.shared.Columns.qualified(r2, RELATED_PERSON_ID).eq(keep), org.tomoni.platform.shared.Columns.qualified(r2, PERSON_ID).eq(outerPerson),
            org.tomoni.platform.shared.Columns.qualified(r2, KIND).eq(outerKind)))).execute();
        repoint(dsl, RELATIONSHIPS, PERSON_ID, tenantId, drop, keep, now, by);
        repoint(dsl, RELATIONSHIPS, RELATED_PERSON_ID, tenantId, drop, keep, now, by);
        repoint(dsl, AFFILIATIONS, PERSON_ID, tenantId, drop, keep, now, by);
        repoint(dsl, MembershipsTable.MEMBERSHIPS, MembershipsTable.PERSON_ID, tenantId, drop, keep, now, by);

        Long number = survivor.memberNumber() != null ? survivor.memberNumber() : duplicate.memberNumber();
        dsl.update(PeopleTable.PEOPLE).set(PeopleTable.ARCHIVED_AT, now).set(PeopleTable.MERGED_INTO, keep)
            .set(PeopleTable.MEMBER_NUMBER, survivor.memberNumber() == null ? null : duplicate.memberNumber())
            .set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), ID.eq(drop)).execute();
        PersonData filled = fill(PeopleTable.toData(survivor), PeopleTable.toData(duplicate)).withMemberNumber(number);
        dsl.update(PeopleTable.PEOPLE).set(PeopleTable.values(filled)).set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), ID.eq(keep)).execute();
    }

    private static void repoint(DSLContext dsl, org.jooq.Table<?> table, org.jooq.Field<UUID> column, UUID tenantId, UUID from, UUID to,
                                OffsetDateTime now, String by) {
        dsl.update(table).set(column, to).set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), column.eq(from)).execute();
    }

    /** The survivor's values win; its empty fields take the duplicate's; flags that restrict contact win. */
    static PersonData fill(PersonData s, PersonData d) {
        return new PersonData(s.familyName(), s.givenName(), s.familyNameKana(), s.givenNameKana(),
            or(s.birthDate(), d.birthDate()), or(s.email(), d.email()), or(s.phone(), d.phone()), or(s.postalCode(), d.postalCode()),
            or(s.prefecture(), d.prefecture()), or(s.city(), d.city()), or(s.addressLine1(), d.addressLine1()),
            or(s.addressLine2(), d.addressLine2()), s.notes() == null ? d.notes() : d.notes() == null ? s.notes() : s.notes() + "\n" + d.notes(),
            s.memberNumber(), or(s.branchId(), d.branchId()), s.newsletterConsent() || d.newsletterConsent(),
            s.noPostalMail() || d.noPostalMail(), s.noEmail() || d.noEmail(), or(s.deceasedOn(), d.deceasedOn()),
            s.sensitive() || d.sensitive());
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }
}
