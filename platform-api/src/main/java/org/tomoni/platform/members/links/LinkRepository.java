package org.tomoni.platform.members.links;

import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.tomoni.platform.members.organizations.OrganizationNames;
import org.tomoni.platform.members.people.PersonNames;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.schema.tables.Affiliations;
import org.tomoni.platform.schema.tables.Relationships;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.AFFILIATIONS;
import static org.tomoni.platform.schema.Tables.RELATIONSHIPS;

/**
 * The two link aggregates: relationships (person to person) and affiliations (person to
 * organisation). Reads join the names in; sensitive people drop out unless allowed.
 */
final class LinkRepository {
    private static final Relationships R = RELATIONSHIPS.as("r");
    private static final Affiliations A = AFFILIATIONS.as("a");
    private static final PersonNames.Alias P1 = PersonNames.alias("p1");
    private static final PersonNames.Alias P2 = PersonNames.alias("p2");
    private static final OrganizationNames O = OrganizationNames.alias("o");

    private LinkRepository() {
    }

    record RelationshipValues(UUID personId, UUID relatedPersonId, String kind, LocalDate startsOn, LocalDate endsOn, String notes) {
    }

    record AffiliationValues(UUID personId, UUID organizationId, String role, LocalDate startsOn, LocalDate endsOn, String notes) {
    }

    /** Which relationships: one by id, or a person's (either side), or all; null means any. */
    record RelationshipFilter(UUID id, UUID personId) {
    }

    /** Which affiliations: one by id, a person's, an organisation's; null means any. */
    record AffiliationFilter(UUID id, UUID personId, UUID organizationId) {
    }

    // ---- relationships

    static void insertRelationship(TenantScope scope, UUID id, RelationshipValues v) {
        scope.insertInto(RELATIONSHIPS).set(RELATIONSHIPS.ID, id).set(RELATIONSHIPS.PERSON_ID, v.personId())
            .set(RELATIONSHIPS.RELATED_PERSON_ID, v.relatedPersonId()).set(RELATIONSHIPS.KIND, v.kind())
            .set(RELATIONSHIPS.STARTS_ON, v.startsOn()).set(RELATIONSHIPS.ENDS_ON, v.endsOn()).set(RELATIONSHIPS.NOTES, v.notes()).execute();
    }

    static int updateRelationship(TenantScope scope, UUID id, long version, RelationshipValues v) {
        return scope.update(RELATIONSHIPS).set(RELATIONSHIPS.PERSON_ID, v.personId()).set(RELATIONSHIPS.RELATED_PERSON_ID, v.relatedPersonId())
            .set(RELATIONSHIPS.KIND, v.kind()).set(RELATIONSHIPS.STARTS_ON, v.startsOn()).set(RELATIONSHIPS.ENDS_ON, v.endsOn())
            .set(RELATIONSHIPS.NOTES, v.notes()).whereVersion(version, RELATIONSHIPS.ID.eq(id));
    }

    static void deleteRelationship(TenantScope scope, UUID id) {
        scope.dsl().deleteFrom(RELATIONSHIPS).where(scope.owns(RELATIONSHIPS), RELATIONSHIPS.ID.eq(id)).execute();
    }

    static boolean relationshipExists(TenantScope scope, UUID personId, UUID relatedPersonId, String kind) {
        return scope.dsl().fetchExists(RELATIONSHIPS, scope.owns(RELATIONSHIPS), RELATIONSHIPS.PERSON_ID.eq(personId),
            RELATIONSHIPS.RELATED_PERSON_ID.eq(relatedPersonId), RELATIONSHIPS.KIND.eq(kind));
    }

    static List<RelationshipView> relationships(TenantScope scope, RelationshipFilter filter, boolean includeSensitive, PageRequest page) {
        return scope.dsl().select(R.ID, R.PERSON_ID, P1.fullName(), R.RELATED_PERSON_ID, P2.fullName(), R.KIND, R.STARTS_ON, R.ENDS_ON,
                R.NOTES, R.CREATED_AT, R.UPDATED_AT, R.VERSION)
            .from(relationshipJoin(scope))
            .where(relationshipWhere(scope, filter, includeSensitive))
            .orderBy(R.CREATED_AT, R.ID)
            .limit(page.size()).offset(page.offset())
            .fetch(r -> new RelationshipView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                r.value9(), r.value10(), r.value11(), r.value12()));
    }

    static Optional<RelationshipView> relationship(TenantScope scope, UUID id, boolean includeSensitive) {
        return relationships(scope, new RelationshipFilter(id, null), includeSensitive, PageRequest.of(0, 1)).stream().findFirst();
    }

    static long countRelationships(TenantScope scope, RelationshipFilter filter, boolean includeSensitive) {
        return scope.dsl().fetchCount(DSL.selectOne().from(relationshipJoin(scope)).where(relationshipWhere(scope, filter, includeSensitive)));
    }

    private static TableLike<Record> relationshipJoin(TenantScope scope) {
        return R.join(P1.table()).on(P1.on(scope, R.PERSON_ID)).join(P2.table()).on(P2.on(scope, R.RELATED_PERSON_ID));
    }

    private static Condition relationshipWhere(TenantScope scope, RelationshipFilter filter, boolean includeSensitive) {
        Condition c = scope.owns(R);
        if (filter.id() != null) {
            c = c.and(R.ID.eq(filter.id()));
        }
        if (filter.personId() != null) {
            c = c.and(R.PERSON_ID.eq(filter.personId()).or(R.RELATED_PERSON_ID.eq(filter.personId())));
        }
        return includeSensitive ? c : c.and(P1.sensitive().isFalse()).and(P2.sensitive().isFalse());
    }

    // ---- affiliations

    static void insertAffiliation(TenantScope scope, UUID id, AffiliationValues v) {
        scope.insertInto(AFFILIATIONS).set(AFFILIATIONS.ID, id).set(AFFILIATIONS.PERSON_ID, v.personId())
            .set(AFFILIATIONS.ORGANIZATION_ID, v.organizationId()).set(AFFILIATIONS.ROLE, v.role()).set(AFFILIATIONS.STARTS_ON, v.startsOn())
            .set(AFFILIATIONS.ENDS_ON, v.endsOn()).set(AFFILIATIONS.NOTES, v.notes()).execute();
    }

    static int updateAffiliation(TenantScope scope, UUID id, long version, AffiliationValues v) {
        return scope.update(AFFILIATIONS).set(AFFILIATIONS.PERSON_ID, v.personId()).set(AFFILIATIONS.ORGANIZATION_ID, v.organizationId())
            .set(AFFILIATIONS.ROLE, v.role()).set(AFFILIATIONS.STARTS_ON, v.startsOn()).set(AFFILIATIONS.ENDS_ON, v.endsOn())
            .set(AFFILIATIONS.NOTES, v.notes()).whereVersion(version, AFFILIATIONS.ID.eq(id));
    }

    static void deleteAffiliation(TenantScope scope, UUID id) {
        scope.dsl().deleteFrom(AFFILIATIONS).where(scope.owns(AFFILIATIONS), AFFILIATIONS.ID.eq(id)).execute();
    }

    static List<AffiliationView> affiliations(TenantScope scope, AffiliationFilter filter, boolean includeSensitive, PageRequest page) {
        return scope.dsl().select(A.ID, A.PERSON_ID, P1.fullName(), A.ORGANIZATION_ID, O.name(), A.ROLE, A.STARTS_ON, A.ENDS_ON, A.NOTES,
                A.CREATED_AT, A.UPDATED_AT, A.VERSION)
            .from(affiliationJoin(scope))
            .where(affiliationWhere(scope, filter, includeSensitive))
            .orderBy(A.CREATED_AT, A.ID)
            .limit(page.size()).offset(page.offset())
            .fetch(r -> new AffiliationView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                r.value9(), r.value10(), r.value11(), r.value12()));
    }

    static Optional<AffiliationView> affiliation(TenantScope scope, UUID id, boolean includeSensitive) {
        return affiliations(scope, new AffiliationFilter(id, null, null), includeSensitive, PageRequest.of(0, 1)).stream().findFirst();
    }

    static long countAffiliations(TenantScope scope, AffiliationFilter filter, boolean includeSensitive) {
        return scope.dsl().fetchCount(DSL.selectOne().from(affiliationJoin(scope)).where(affiliationWhere(scope, filter, includeSensitive)));
    }

    private static TableLike<Record> affiliationJoin(TenantScope scope) {
        return A.join(P1.table()).on(P1.on(scope, A.PERSON_ID)).join(O.table()).on(O.on(scope, A.ORGANIZATION_ID));
    }

    private static Condition affiliationWhere(TenantScope scope, AffiliationFilter filter, boolean includeSensitive) {
        Condition c = scope.owns(A);
        if (filter.id() != null) {
            c = c.and(A.ID.eq(filter.id()));
        }
        if (filter.personId() != null) {
            c = c.and(A.PERSON_ID.eq(filter.personId()));
        }
        if (filter.organizationId() != null) {
            c = c.and(A.ORGANIZATION_ID.eq(filter.organizationId()));
        }
        return includeSensitive ? c : c.and(P1.sensitive().isFalse());
    }

    // ---- merge of two people

    /**
     * Moves {@code from}'s links to {@code to}. A relationship between the two, or one {@code to}
     * already has, would become a self-link or a duplicate: those go.
     */
    static void movePerson(TenantScope scope, UUID from, UUID to) {
        var rel = RELATIONSHIPS;
        var r2 = RELATIONSHIPS.as("r2");
        scope.dsl().deleteFrom(rel).where(scope.owns(rel), rel.PERSON_ID.in(from, to).and(rel.RELATED_PERSON_ID.in(from, to))).execute();
        scope.dsl().deleteFrom(rel).where(scope.owns(rel), rel.PERSON_ID.eq(from), DSL.exists(DSL.selectOne().from(r2).where(
            scope.owns(r2), r2.PERSON_ID.eq(to), r2.RELATED_PERSON_ID.eq(rel.RELATED_PERSON_ID), r2.KIND.eq(rel.KIND)))).execute();
        scope.dsl().deleteFrom(rel).where(scope.owns(rel), rel.RELATED_PERSON_ID.eq(from), DSL.exists(DSL.selectOne().from(r2).where(
            scope.owns(r2), r2.RELATED_PERSON_ID.eq(to), r2.PERSON_ID.eq(rel.PERSON_ID), r2.KIND.eq(rel.KIND)))).execute();
        scope.update(rel).set(rel.PERSON_ID, to).where(rel.PERSON_ID.eq(from));
        scope.update(rel).set(rel.RELATED_PERSON_ID, to).where(rel.RELATED_PERSON_ID.eq(from));
        scope.update(AFFILIATIONS).set(AFFILIATIONS.PERSON_ID, to).where(AFFILIATIONS.PERSON_ID.eq(from));
    }
}
