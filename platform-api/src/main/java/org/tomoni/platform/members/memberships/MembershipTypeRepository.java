package org.tomoni.platform.members.memberships;

import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.MEMBERSHIPS;
import static org.tomoni.platform.schema.Tables.MEMBERSHIP_TYPES;

/** The membership types aggregate (the fee schedule); a read counts the type's memberships that have not ended. */
final class MembershipTypeRepository {
    private static final org.tomoni.platform.schema.tables.MembershipTypes T = MEMBERSHIP_TYPES;

    private MembershipTypeRepository() {
    }

    record Values(String name, long feeYen, String period, boolean perUnit, String memberKind, String description) {
    }

    static void insert(TenantScope scope, UUID id, Values v) {
        scope.insertInto(T).set(T.ID, id).set(T.NAME, v.name()).set(T.FEE_YEN, v.feeYen()).set(T.PERIOD, v.period())
            .set(T.PER_UNIT, v.perUnit()).set(T.MEMBER_KIND, v.memberKind()).set(T.DESCRIPTION, v.description()).execute();
    }

    static int update(TenantScope scope, UUID id, long version, Values v) {
        return scope.update(T).set(T.NAME, v.name()).set(T.FEE_YEN, v.feeYen()).set(T.PERIOD, v.period()).set(T.PER_UNIT, v.perUnit())
            .set(T.MEMBER_KIND, v.memberKind()).set(T.DESCRIPTION, v.description()).whereVersion(version, T.ID.eq(id));
    }

    static int archive(TenantScope scope, UUID id) {
        return scope.update(T).set(T.ARCHIVED_AT, scope.now()).where(T.ID.eq(id), T.ARCHIVED_AT.isNull());
    }

    static Optional<MembershipTypeView> find(TenantScope scope, UUID id) {
        return select(scope).where(scope.owns(T), T.ID.eq(id), T.ARCHIVED_AT.isNull()).fetchOptional(MembershipTypeRepository::toView);
    }

    static List<MembershipTypeView> page(TenantScope scope, PageRequest page) {
        return select(scope).where(scope.owns(T), T.ARCHIVED_AT.isNull()).orderBy(T.NAME, T.ID).limit(page.size()).offset(page.offset())
            .fetch(MembershipTypeRepository::toView);
    }

    static long count(TenantScope scope) {
        return scope.dsl().fetchCount(T, scope.owns(T), T.ARCHIVED_AT.isNull());
    }

    static boolean nameTaken(TenantScope scope, String name, UUID self) {
        return scope.dsl().fetchExists(T, scope.owns(T), T.NAME.eq(name), T.ARCHIVED_AT.isNull(), self == null ? DSL.noCondition() : T.ID.ne(self));
    }

    private static SelectJoinStep<Record> select(TenantScope scope) {
        var active = DSL.selectCount().from(MEMBERSHIPS).where(scope.owns(MEMBERSHIPS), MEMBERSHIPS.TYPE_ID.eq(T.ID),
            MEMBERSHIPS.STATUS.ne(MembershipStatus.ENDED.code())).asField("active_count");
        return scope.dsl().select(List.<SelectFieldOrAsterisk>of(T.ID, T.NAME, T.FEE_YEN, T.PERIOD, T.PER_UNIT, T.MEMBER_KIND, T.DESCRIPTION,
            active, T.CREATED_AT, T.UPDATED_AT, T.VERSION)).from(T);
    }

    private static MembershipTypeView toView(Record r) {
        return new MembershipTypeView(r.get(T.ID), r.get(T.NAME), r.get(T.FEE_YEN), r.get(T.PERIOD), r.get(T.PER_UNIT), r.get(T.MEMBER_KIND),
            r.get(T.DESCRIPTION), r.get("active_count", Long.class), r.get(T.CREATED_AT), r.get(T.UPDATED_AT), r.get(T.VERSION));
    }
}
