package org.tomoni.platform.giving;

import org.jooq.Condition;
import org.jooq.Record;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.GIFT_PLANS;

/** The gift plans aggregate: one row each; the scope stamps tenant and audit columns. */
final class GiftPlanRepository {
    private GiftPlanRepository() {
    }

    record Values(String name, long unitAmount, String interval, String purpose, boolean published) {
    }

    static void insert(TenantScope scope, UUID id, Values v) {
        scope.insertInto(GIFT_PLANS).set(GIFT_PLANS.ID, id).set(GIFT_PLANS.NAME, v.name()).set(GIFT_PLANS.UNIT_AMOUNT, v.unitAmount())
            .set(GIFT_PLANS.INTERVAL, v.interval()).set(GIFT_PLANS.PURPOSE, v.purpose()).set(GIFT_PLANS.PUBLISHED, v.published()).execute();
    }

    /** An active plan of that name exists. */
    static boolean nameTaken(TenantScope scope, String name) {
        return scope.dsl().fetchExists(GIFT_PLANS, active(scope), GIFT_PLANS.NAME.eq(name));
    }

    /** An active plan of that name exists besides {@code self}. */
    static boolean nameTakenByAnother(TenantScope scope, String name, UUID self) {
        return scope.dsl().fetchExists(GIFT_PLANS, active(scope), GIFT_PLANS.NAME.eq(name), GIFT_PLANS.ID.ne(self));
    }

    /** Changes an active plan still at {@code version}; the number of rows changed (0 or 1). */
    static int update(TenantScope scope, UUID id, long version, Values v) {
        return scope.update(GIFT_PLANS).set(GIFT_PLANS.NAME, v.name()).set(GIFT_PLANS.UNIT_AMOUNT, v.unitAmount())
            .set(GIFT_PLANS.INTERVAL, v.interval()).set(GIFT_PLANS.PURPOSE, v.purpose()).set(GIFT_PLANS.PUBLISHED, v.published())
            .whereVersion(version, GIFT_PLANS.ID.eq(id), GIFT_PLANS.ARCHIVED_AT.isNull());
    }

    static Optional<GiftPlans.PlanView> find(TenantScope scope, UUID id) {
        return scope.dsl().selectFrom(GIFT_PLANS).where(active(scope), GIFT_PLANS.ID.eq(id)).fetchOptional(GiftPlanRepository::toView);
    }

    static List<GiftPlans.PlanView> page(TenantScope scope, PageRequest page) {
        return scope.dsl().selectFrom(GIFT_PLANS).where(active(scope)).orderBy(GIFT_PLANS.NAME, GIFT_PLANS.ID)
            .limit(page.size()).offset(page.offset()).fetch(GiftPlanRepository::toView);
    }

    static long count(TenantScope scope) {
        return scope.dsl().fetchCount(GIFT_PLANS, active(scope));
    }

    /** The plans a tenant offers on its public page, cheapest first. */
    static List<GiftPlans.PlanView> published(TenantScope scope) {
        return scope.dsl().selectFrom(GIFT_PLANS).where(active(scope), GIFT_PLANS.PUBLISHED.isTrue())
            .orderBy(GIFT_PLANS.UNIT_AMOUNT, GIFT_PLANS.NAME, GIFT_PLANS.ID).fetch(GiftPlanRepository::toView);
    }

    private static Condition active(TenantScope scope) {
        return scope.owns(GIFT_PLANS).and(GIFT_PLANS.ARCHIVED_AT.isNull());
    }

    private static GiftPlans.PlanView toView(Record r) {
        return new GiftPlans.PlanView(r.get(GIFT_PLANS.ID), r.get(GIFT_PLANS.NAME), r.get(GIFT_PLANS.UNIT_AMOUNT), r.get(GIFT_PLANS.INTERVAL),
            r.get(GIFT_PLANS.PURPOSE), r.get(GIFT_PLANS.PUBLISHED), r.get(GIFT_PLANS.VERSION));
    }
}
