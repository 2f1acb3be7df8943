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
            .set(COUNTERS.VERSION, COUNTERS.VERSION.plus(1))
            .returning(COUNTERS.NEXT_VALUE).fetchOne(COUNTERS.NEXT_VALUE) - 1;
    }
}
