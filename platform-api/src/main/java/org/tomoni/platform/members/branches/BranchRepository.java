package org.tomoni.platform.members.branches;

import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.BRANCHES;
import static org.tomoni.platform.schema.Tables.ORGANIZATIONS;
import static org.tomoni.platform.schema.Tables.PEOPLE;

/** The branches (支部) aggregate: one row each; the scope stamps tenant and audit columns. */
final class BranchRepository {
    private BranchRepository() {
    }

    record Values(String name, String nameKana, String notes) {
    }

    static void insert(TenantScope scope, UUID id, Values v) {
        scope.insertInto(BRANCHES).set(BRANCHES.ID, id).set(BRANCHES.NAME, v.name()).set(BRANCHES.NAME_KANA, v.nameKana())
            .set(BRANCHES.NOTES, v.notes()).execute();
    }

    /** Changes an active branch still at {@code version}; the number of rows changed (0 or 1). */
    static int update(TenantScope scope, UUID id, long version, Values v) {
        return scope.update(BRANCHES).set(BRANCHES.NAME, v.name()).set(BRANCHES.NAME_KANA, v.nameKana()).set(BRANCHES.NOTES, v.notes())
            .whereVersion(version, BRANCHES.ID.eq(id), BRANCHES.ARCHIVED_AT.isNull());
    }

    static int archive(TenantScope scope, UUID id) {
        return scope.update(BRANCHES).set(BRANCHES.ARCHIVED_AT, scope.now()).where(BRANCHES.ID.eq(id), BRANCHES.ARCHIVED_AT.isNull());
    }

    static boolean nameTaken(TenantScope scope, String name, UUID self) {
        return scope.dsl().fetchExists(BRANCHES, scope.owns(BRANCHES), BRANCHES.NAME.eq(name), BRANCHES.ARCHIVED_AT.isNull(),
            self == null ? DSL.noCondition() : BRANCHES.ID.ne(self));
    }

    static Optional<BranchView> find(TenantScope scope, UUID id) {
        return select(scope).where(scope.owns(BRANCHES), BRANCHES.ID.eq(id), BRANCHES.ARCHIVED_AT.isNull())
            .fetchOptional(BranchRepository::toView);
    }

    static List<BranchView> page(TenantScope scope, String query, PageRequest page) {
        return select(scope).where(listCondition(scope, query)).orderBy(BRANCHES.NAME_KANA.nullsLast(), BRANCHES.NAME, BRANCHES.ID)
            .limit(page.size()).offset(page.offset()).fetch(BranchRepository::toView);
    }

    static long count(TenantScope scope, String query) {
        return scope.dsl().fetchCount(BRANCHES, listCondition(scope, query));
    }

    private static Condition listCondition(TenantScope scope, String q) {
        Condition c = scope.owns(BRANCHES).and(BRANCHES.ARCHIVED_AT.isNull());
        String query = JapaneseText.fold(q);
        if (query != null) {
            // Names are stored as typed; the search folds widths on both sides so ＡＢＣ finds ABC.
            c = c.and(DSL.field("normalize({0}, NFKC)", String.class, BRANCHES.NAME).contains(query)
                .or(BRANCHES.NAME_KANA.contains(JapaneseText.toKatakana(query))));
        }
        return c;
    }

    private static SelectJoinStep<Record> select(TenantScope scope) {
        var people = DSL.selectCount().from(PEOPLE).where(scope.owns(PEOPLE), PEOPLE.BRANCH_ID.eq(BRANCHES.ID),
            PEOPLE.ARCHIVED_AT.isNull()).asField("people_count");
        var orgs = DSL.selectCount().from(ORGANIZATIONS).where(scope.owns(ORGANIZATIONS), ORGANIZATIONS.BRANCH_ID.eq(BRANCHES.ID),
            ORGANIZATIONS.ARCHIVED_AT.isNull()).asField("organization_count");
        return scope.dsl().select(List.<SelectFieldOrAsterisk>of(BRANCHES.ID, BRANCHES.NAME, BRANCHES.NAME_KANA, BRANCHES.NOTES, people,
            orgs, BRANCHES.CREATED_AT, BRANCHES.UPDATED_AT, BRANCHES.VERSION)).from(BRANCHES);
    }

    private static BranchView toView(Record r) {
        return new BranchView(r.get(BRANCHES.ID), r.get(BRANCHES.NAME), r.get(BRANCHES.NAME_KANA), r.get(BRANCHES.NOTES),
            r.get("people_count", Long.class), r.get("organization_count", Long.class), r.get(BRANCHES.CREATED_AT),
            r.get(BRANCHES.UPDATED_AT), r.get(BRANCHES.VERSION));
    }
}
