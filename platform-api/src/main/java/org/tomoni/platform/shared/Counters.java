package org.tomoni.platform.shared;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** Per-tenant counters (gift numbers, later receipt numbers): one atomic upsert per number. */
public final class Counters {
    private static final Field<String> NAME = Columns.text("name");
    private static final Field<Long> NEXT_VALUE = field(name("next_value"), SQLDataType.BIGINT);

    private Counters() {
    }

    public static long next(DSLContext dsl, UUID tenantId, String counter, OffsetDateTime now, String by) {
        return dsl.insertInto(table(name("counters")))
            .set(Columns.TENANT_ID, tenantId).set(NAME, counter).set(NEXT_VALUE, 2L)
            .set(Columns.CREATED_AT, now).set(Columns.CREATED_BY, by).set(Columns.UPDATED_AT, now).set(Columns.UPDATED_BY, by)
            .onConflict(Columns.TENANT_ID, NAME).doUpdate()
            .set(NEXT_VALUE, Columns.qualified(table(name("counters")), NEXT_VALUE).plus(1)).set(Columns.UPDATED_AT, now).set(Columns.UPDATED_BY, by)
            .returning(NEXT_VALUE).fetchOne(NEXT_VALUE) - 1;
    }
}
