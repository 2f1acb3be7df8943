package org.tomoni.platform.members.organizations;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.schema.tables.Organizations;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.PageRequest;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.tomoni.platform.schema.Tables.ORGANIZATIONS;

/** The organisations aggregate: one row each; the scope stamps tenant and audit columns. */
final class OrganizationRepository {
    private static final Organizations O = ORGANIZATIONS;

    private OrganizationRepository() {
    }

    /** Validated organisation fields. */
    record Data(String name, String nameKana, OrganizationKind kind, String email, String phone, String website, String postalCode,
                String prefecture, String city, String addressLine1, String addressLine2, String notes, Long memberNumber,
                UUID branchId) {
    }

    /** What narrows a list: a search text, a branch, a kind; all optional. */
    record Filter(String query, UUID branchId, String kind) {
    }

    static void insert(TenantScope scope, UUID id, Data d) {
        scope.insertInto(O).set(O.ID, id).set(values(d)).execute();
    }

    static int update(TenantScope scope, UUID id, long version, Data d) {
        return scope.update(O).set(values(d)).whereVersion(version, O.ID.eq(id), O.ARCHIVED_AT.isNull());
    }

    static int archive(TenantScope scope, UUID id) {
        return scope.update(O).set(O.ARCHIVED_AT, scope.now()).where(O.ID.eq(id), O.ARCHIVED_AT.isNull());
    }

    static Optional<OrganizationView> find(TenantScope scope, UUID id) {
        return scope.dsl().select(viewFields()).from(O).where(scope.owns(O), O.ID.eq(id), O.ARCHIVED_AT.isNull())
            .fetchOptional(OrganizationRepository::toView);
    }

    static boolean exists(TenantScope scope, UUID id) {
        return scope.dsl().fetchExists(O, scope.owns(O), O.ID.eq(id), O.ARCHIVED_AT.isNull());
    }

    static List<OrganizationView> page(TenantScope scope, Filter filter, PageRequest page) {
        return scope.dsl().select(viewFields()).from(O).where(listCondition(scope, filter)).orderBy(O.SORT_KEY, O.ID)
            .limit(page.size()).offset(page.offset()).fetch(OrganizationRepository::toView);
    }

    static long count(TenantScope scope, Filter filter) {
        return scope.dsl().fetchCount(O, listCondition(scope, filter));
    }

    /** Every active organisation in list order, read lazily for exports; close the stream. */
    static Stream<OrganizationView> stream(TenantScope scope) {
        return scope.dsl().select(viewFields()).from(O).where(listCondition(scope, new Filter(null, null, null)))
            .orderBy(O.SORT_KEY, O.ID).fetchSize(1000).fetchStream().map(OrganizationRepository::toView);
    }

    static Map<UUID, Long> countByBranch(TenantScope scope, Collection<UUID> branchIds) {
        Map<UUID, Long> counts = new HashMap<>();
        scope.dsl().select(O.BRANCH_ID, DSL.count()).from(O).where(scope.owns(O), O.BRANCH_ID.in(branchIds), O.ARCHIVED_AT.isNull())
            .groupBy(O.BRANCH_ID).forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    static boolean hasNoMemberNumber(TenantScope scope, UUID id) {
        return scope.dsl().fetchExists(O, scope.owns(O), O.ID.eq(id), O.MEMBER_NUMBER.isNull());
    }

    static void setMemberNumber(TenantScope scope, UUID id, long number) {
        scope.update(O).set(O.MEMBER_NUMBER, number).where(O.ID.eq(id));
    }

    private static Condition listCondition(TenantScope scope, Filter filter) {
        Condition c = scope.owns(O).and(O.ARCHIVED_AT.isNull());
        String q = JapaneseText.searchForm(filter.query());
        if (!q.isEmpty()) {
            c = c.and(O.SEARCH_TEXT.contains(q));
        }
        if (filter.branchId() != null) {
            c = c.and(O.BRANCH_ID.eq(filter.branchId()));
        }
        if (filter.kind() != null) {
            c = c.and(O.KIND.eq(filter.kind()));
        }
        return c;
    }

    /** The name columns of one alias of the table, typed as plain jOOQ (OrganizationNames). */
    record NameFields(Table<?> table, Field<UUID> tenantId, Field<UUID> id, Field<String> name, Field<Long> memberNumber,
                      Field<String> searchText, Field<String> nameKana, Field<String> postalCode, Field<String> postalAddress) {
    }

    static NameFields names(String alias) {
        Organizations o = O.as(alias);
        return new NameFields(o, o.TENANT_ID, o.ID, o.NAME, o.MEMBER_NUMBER, o.SEARCH_TEXT, o.NAME_KANA, o.POSTAL_CODE,
            // As an envelope prints it, like a person's: prefecture, city and line 1 run on; line 2 after a space, if any.
            org.jooq.impl.DSL.function("concat_ws", String.class, org.jooq.impl.DSL.inline(""), o.PREFECTURE, o.CITY, o.ADDRESS_LINE1,
                org.jooq.impl.DSL.inline(" ").concat(o.ADDRESS_LINE2)));
    }

    private static List<Field<?>> viewFields() {
        return List.of(O.ID, O.MEMBER_NUMBER, O.NAME, O.NAME_KANA, O.KIND, O.EMAIL, O.PHONE, O.WEBSITE, O.POSTAL_CODE, O.PREFECTURE, O.CITY,
            O.ADDRESS_LINE1, O.ADDRESS_LINE2, O.NOTES, O.BRANCH_ID, O.CREATED_AT, O.CREATED_BY, O.UPDATED_AT, O.UPDATED_BY, O.VERSION);
    }

    private static Map<Field<?>, Object> values(Data d) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(O.MEMBER_NUMBER, d.memberNumber());
        v.put(O.NAME, d.name());
        v.put(O.NAME_KANA, d.nameKana());
        v.put(O.KIND, d.kind().code());
        v.put(O.EMAIL, d.email());
        v.put(O.PHONE, d.phone());
        v.put(O.WEBSITE, d.website());
        v.put(O.POSTAL_CODE, d.postalCode());
        v.put(O.PREFECTURE, d.prefecture());
        v.put(O.CITY, d.city());
        v.put(O.ADDRESS_LINE1, d.addressLine1());
        v.put(O.ADDRESS_LINE2, d.addressLine2());
        v.put(O.NOTES, d.notes());
        v.put(O.BRANCH_ID, d.branchId());
        v.put(O.SORT_KEY, JapaneseText.sortKey(d.nameKana(), ""));
        v.put(O.SEARCH_TEXT, String.join("\n", JapaneseText.searchForm(d.name()), JapaneseText.searchForm(d.nameKana()),
            d.email() == null ? "" : d.email(), d.phone() == null ? "" : d.phone()));
        return v;
    }

    private static OrganizationView toView(Record r) {
        return new OrganizationView(r.get(O.ID), r.get(O.MEMBER_NUMBER), r.get(O.NAME), r.get(O.NAME_KANA), r.get(O.KIND), r.get(O.EMAIL),
            r.get(O.PHONE), r.get(O.WEBSITE), r.get(O.POSTAL_CODE), r.get(O.PREFECTURE), r.get(O.CITY), r.get(O.ADDRESS_LINE1),
            r.get(O.ADDRESS_LINE2), r.get(O.NOTES), r.get(O.BRANCH_ID), r.get(O.CREATED_AT), r.get(O.CREATED_BY), r.get(O.UPDATED_AT),
            r.get(O.UPDATED_BY), r.get(O.VERSION), null, null);
    }
}
