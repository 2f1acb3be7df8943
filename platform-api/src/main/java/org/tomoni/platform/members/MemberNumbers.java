package org.tomoni.platform.members;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.shared.Columns;

import java.time.OffsetDateTime;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Per-tenant member numbers (会員番号) shared by people and organisations. The tenant's counter
 * row is locked while the next free number is taken, so concurrent members never share one and
 * numbers given by hand (imports) are skipped.
 */
final class MemberNumbers {
    private static final String COUNTER = "member_number";
    private static final Field<String> NAME = Columns.text("name");
    private static final Field<Long> NEXT_VALUE = field(name("next_value"), SQLDataType.BIGINT);

    private MemberNumbers() {
    }

    static long next(DSLContext dsl, UUID tenantId, OffsetDateTime now, String by) {
        dsl.insertInto(table(name("counters")))
            .set(Columns.TENANT_ID, tenantId).set(NAME, COUNTER).set(NEXT_VALUE, 1L)
            .set(Columns.CREATED_AT, now).set(Columns.CREATED_BY, by).set(Columns.UPDATED_AT, now).set(Columns.UPDATED_BY, by)
            .onConflictDoNothing().execute();
        long counter = dsl.select(NEXT_VALUE).from(table(name("counters")))
            .where(Columns.TENANT_ID.eq(tenantId), NAME.eq(COUNTER)).forUpdate().fetchOne(NEXT_VALUE);
        long highest = dsl.select(DSL.greatest(
                DSL.coalesce(DSL.select(DSL.max(PeopleTable.MEMBER_NUMBER)).from(PeopleTable.PEOPLE).where(Columns.TENANT_ID.eq(tenantId)).asField(), 0L),
                DSL.coalesce(DSL.select(DSL.max(OrganizationsTable.MEMBER_NUMBER)).from(OrganizationsTable.ORGANIZATIONS)
                    .where(Columns.TENANT_ID.eq(tenantId)).asField(), 0L)))
            .fetchOne(0, Long.class);
        long number = Math.max(counter, highest + 1);
        dsl.update(table(name("counters"))).set(NEXT_VALUE, number + 1).set(Columns.UPDATED_AT, now).set(Columns.UPDATED_BY, by)
            .set(Columns.VERSION, Columns.VERSION.plus(1))
            .where(Columns.TENANT_ID.eq(tenantId), NAME.eq(COUNTER)).execute();
        return number;
    }
}
