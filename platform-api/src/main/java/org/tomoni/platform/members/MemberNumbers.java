package org.tomoni.platform.members;

import org.jooq.DSLContext;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.Counters;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Per-tenant member numbers (会員番号) shared by people and organisations, drawn from the tenant's
 * counter; numbers already given by hand (imports) are skipped.
 */
final class MemberNumbers {
    private MemberNumbers() {
    }

    static long next(DSLContext dsl, UUID tenantId, OffsetDateTime now, String by) {
        long number;
        do {
            number = Counters.next(dsl, tenantId, "member_number", now, by);
        } while (taken(dsl, tenantId, number));
        return number;
    }

    private static boolean taken(DSLContext dsl, UUID tenantId, long number) {
        return dsl.fetchExists(PeopleTable.PEOPLE, Columns.TENANT_ID.eq(tenantId), PeopleTable.MEMBER_NUMBER.eq(number))
            || dsl.fetchExists(OrganizationsTable.ORGANIZATIONS, Columns.TENANT_ID.eq(tenantId), OrganizationsTable.MEMBER_NUMBER.eq(number));
    }
}
