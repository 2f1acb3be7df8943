package org.tomoni.platform.persistence;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.util.Map;

/**
 * Work on the global tables (tenant registry, tenant kinds, platform users, the outbox's sender):
 * no tenant is bound, so Row Level Security shows no tenant-owned row. Audit columns are stamped as
 * in {@link TenantScope}.
 */
public final class PlatformScope extends Scope {
    PlatformScope(DSLContext dsl, String by, Clock clock) {
        super(dsl, by, clock);
    }

    /** Creates the scope of a transaction with no tenant bound; for {@code TenantTransactions} only. */
    public static PlatformScope unbound(DSLContext dsl, String by, Clock clock) {
        return new PlatformScope(dsl, by, clock);
    }

    @Override
    public Condition owns(Table<?> table) {
        if (table.field("tenant_id") != null) {
            throw new IllegalArgumentException(table.getName() + " is tenant-owned: use a TenantScope");
        }
        return DSL.noCondition();
    }

    @Override
    Map<Field<?>, Object> ownerColumns(Table<?> table) {
        owns(table);
        return Map.of();
    }
}
