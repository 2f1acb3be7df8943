package org.tomoni.platform.giving;

import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.TenantScope;

import java.time.LocalDate;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.MEMBERSHIPS;
import static org.tomoni.platform.schema.Tables.MEMBERSHIP_TYPES;

/** TODO(issue 11): replaced by members.memberships.MembershipDues.duesOfPeriod once wt-members publishes it. */
final class MembershipDuesStandIn {
    private MembershipDuesStandIn() {
    }

    static Select<Record4<UUID, UUID, UUID, Long>> duesOfPeriod(TenantScope scope, LocalDate period, int fiscalStartMonth) {
        var m = MEMBERSHIPS;
        var t = MEMBERSHIP_TYPES;
        return DSL.select(m.ID, m.PERSON_ID, m.ORGANIZATION_ID,
                t.FEE_YEN.times(DSL.when(t.PER_UNIT, m.UNITS.cast(Long.class)).otherwise(DSL.inline(1L))))
            .from(m).join(t).on(t.TENANT_ID.eq(m.TENANT_ID), t.ID.eq(m.TYPE_ID))
            .where(scope.owns(m), m.STATUS.eq("active"), t.FEE_YEN.gt(0L), m.STARTS_ON.lt(period.plusMonths(1)),
                m.ENDS_ON.isNull().or(m.ENDS_ON.ge(period)),
                t.PERIOD.eq("monthly").or(t.PERIOD.eq("yearly").and(DSL.inline(period.getMonthValue()).eq(fiscalStartMonth)))
                    .or(t.PERIOD.eq("once").and(DSL.trunc(m.STARTS_ON, org.jooq.DatePart.MONTH).eq(period))));
    }
}
