package org.tomoni.platform.members.links;

import org.tomoni.platform.members.organizations.OrganizationsTable;
import org.tomoni.platform.members.people.PeopleTable;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.VERSION;
import static org.tomoni.platform.shared.Columns.text;

/**
 * SQL of the two link tables: relationships (person to person) and affiliations (person to
 * organisation). Reads join the names in; sensitive people drop out unless allowed.
 */
public final class LinksTable {
    public static final Table<Record> RELATIONSHIPS = table(name("relationships"));
    public static final Table<Record> AFFILIATIONS = table(name("affiliations"));
    public static final Field<UUID> PERSON_ID = field(name("person_id"), SQLDataType.UUID);
    public static final Field<UUID> RELATED_PERSON_ID = field(name("related_person_id"), SQLDataType.UUID);
    public static final Field<UUID> ORGANIZATION_ID = field(name("organization_id"), SQLDataType.UUID);
    public static final Field<String> KIND = text("kind");
    public static final Field<String> ROLE = text("role");
    public static final Field<LocalDate> STARTS_ON = field(name("starts_on"), SQLDataType.LOCALDATE);
    public static final Field<LocalDate> ENDS_ON = field(name("ends_on"), SQLDataType.LOCALDATE);
    public static final Field<String> NOTES = text("notes");

    private static final Table<Record> R = RELATIONSHIPS.as("r");
    private static final Table<Record> A = AFFILIATIONS.as("a");
    private static final Table<Record> P1 = PeopleTable.PEOPLE.as("p1");
    private static final Table<Record> P2 = PeopleTable.PEOPLE.as("p2");
    private static final Table<Record> O = OrganizationsTable.ORGANIZATIONS.as("o");

    private LinksTable() {
    }

    private static <T> org.jooq.Field<T> of(Table<Record> t, org.jooq.Field<T> f) {
        return org.tomoni.platform.shared.Columns.qualified(t, f);
    }

    private static Field<String> fullName(Table<Record> p) {
        return DSL.concat(of(p, PeopleTable.FAMILY_NAME), DSL.inline(" "), of(p, PeopleTable.GIVEN_NAME));
    }

    private static org.jooq.TableLike<Record> relationshipJoin() {
        return R.join(P1).on(of(P1, TENANT_ID).eq(of(R, TENANT_ID)), of(P1, ID).eq(of(R, PERSON_ID)))
            .join(P2).on(of(P2, TENANT_ID).eq(of(R, TENANT_ID)), of(P2, ID).eq(of(R, RELATED_PERSON_ID)));
    }

    private static Condition relationshipWhere(UUID tenantId, Condition where, boolean includeSensitive) {
        return of(R, TENANT_ID).eq(tenantId).and(where)
            .and(includeSensitive ? DSL.noCondition() : of(P1, PeopleTable.SENSITIVE).isFalse().and(of(P2, PeopleTable.SENSITIVE).isFalse()));
    }

    public static List<RelationshipView> relationships(DSLContext dsl, UUID tenantId, Condition where, boolean includeSensitive, PageRequest page) {
        return dsl.select(of(R, ID), of(R, PERSON_ID), fullName(P1), of(R, RELATED_PERSON_ID), fullName(P2),
                of(R, KIND), of(R, STARTS_ON), of(R, ENDS_ON), of(R, NOTES), of(R, CREATED_AT), of(R, UPDATED_AT), of(R, VERSION))
            .from(relationshipJoin())
            .where(relationshipWhere(tenantId, where, includeSensitive))
            .orderBy(of(R, CREATED_AT), of(R, ID))
            .limit(page.size()).offset(page.offset())
            .fetch(r -> new RelationshipView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                r.value9(), r.value10(), r.value11(), r.value12()));
    }

    public static long countRelationships(DSLContext dsl, UUID tenantId, Condition where, boolean includeSensitive) {
        return dsl.fetchCount(DSL.selectOne().from(relationshipJoin()).where(relationshipWhere(tenantId, where, includeSensitive)));
    }

    public static Condition relationshipId(UUID id) {
        return of(R, ID).eq(id);
    }

    public static Condition relationshipOf(UUID personId) {
        return of(R, PERSON_ID).eq(personId).or(of(R, RELATED_PERSON_ID).eq(personId));
    }

    private static org.jooq.TableLike<Record> affiliationJoin() {
        return A.join(P1).on(of(P1, TENANT_ID).eq(of(A, TENANT_ID)), of(P1, ID).eq(of(A, PERSON_ID)))
            .join(O).on(of(O, TENANT_ID).eq(of(A, TENANT_ID)), of(O, ID).eq(of(A, ORGANIZATION_ID)));
    }

    private static Condition affiliationWhere(UUID tenantId, Condition where, boolean includeSensitive) {
        return of(A, TENANT_ID).eq(tenantId).and(where)
            .and(includeSensitive ? DSL.noCondition() : of(P1, PeopleTable.SENSITIVE).isFalse());
    }

    public static List<AffiliationView> affiliations(DSLContext dsl, UUID tenantId, Condition where, boolean includeSensitive, PageRequest page) {
        return dsl.select(of(A, ID), of(A, PERSON_ID), fullName(P1), of(A, ORGANIZATION_ID),
                of(O, OrganizationsTable.NAME), of(A, ROLE), of(A, STARTS_ON), of(A, ENDS_ON), of(A, NOTES), of(A, CREATED_AT),
                of(A, UPDATED_AT), of(A, VERSION))
            .from(affiliationJoin())
            .where(affiliationWhere(tenantId, where, includeSensitive))
            .orderBy(of(A, CREATED_AT), of(A, ID))
            .limit(page.size()).offset(page.offset())
            .fetch(r -> new AffiliationView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                r.value9(), r.value10(), r.value11(), r.value12()));
    }

    public static long countAffiliations(DSLContext dsl, UUID tenantId, Condition where, boolean includeSensitive) {
        return dsl.fetchCount(DSL.selectOne().from(affiliationJoin()).where(affiliationWhere(tenantId, where, includeSensitive)));
    }

    public static Condition affiliationId(UUID id) {
        return of(A, ID).eq(id);
    }

    public static Condition affiliationOfPerson(UUID personId) {
        return of(A, PERSON_ID).eq(personId);
    }

    public static Condition affiliationOfOrganization(UUID organizationId) {
        return of(A, ORGANIZATION_ID).eq(organizationId);
    }
}
