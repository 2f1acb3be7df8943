package org.tomoni.platform.persistence;

import static org.tomoni.platform.schema.Tables.COUNTERS;

/** Per-tenant counters (gift, receipt, batch and member numbers): one atomic upsert per number. */
public final class Counters {
    private Counters() {
    }

    public static long next(TenantScope scope, String counter) {
        return scope.insertInto(COUNTERS).set(COUNTERS.NAME, counter).set(COUNTERS.NEXT_VALUE, 2L)
            .onConflict(COUNTERS.TENANT_ID, COUNTERS.NAME).doUpdate()
            .set(COUNTERS.NEXT_VALUE, COUNTERS.NEXT_VALUE.plus(1)).set(COUNTERS.UPDATED_AT, scope.now()).set(COUNTERS.UPDATED_BY, scope.by())
            .returning(COUNTERS.NEXT_VALUE).fetchOne(COUNTERS.NEXT_VALUE) - 1;
    }

    /** For callers not yet on a {@link TenantScope}. TODO(issue 11): remove with the last of them. */
    public static long next(org.jooq.DSLContext dsl, java.util.UUID tenantId, String counter, java.time.OffsetDateTime now, String by) {
        return dsl.insertInto(COUNTERS).set(COUNTERS.TENANT_ID, tenantId).set(COUNTERS.NAME, counter).set(COUNTERS.NEXT_VALUE, 2L)
            .set(COUNTERS.CREATED_AT, now).set(COUNTERS.CREATED_BY, by).set(COUNTERS.UPDATED_AT, now).set(COUNTERS.UPDATED_BY, by)
            .onConflict(COUNTERS.TENANT_ID, COUNTERS.NAME).doUpdate()
            .set(COUNTERS.NEXT_VALUE, COUNTERS.NEXT_VALUE.plus(1)).set(COUNTERS.UPDATED_AT, now).set(COUNTERS.UPDATED_BY, by)
            .returning(COUNTERS.NEXT_VALUE).fetchOne(COUNTERS.NEXT_VALUE) - 1;
    }
}
