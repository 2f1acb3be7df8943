package org.tomoni.platform.members.memberships;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.persistence.TenantScope;

import java.time.LocalDate;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.MEMBERSHIPS;
import static org.tomoni.platform.schema.Tables.MEMBERSHIP_TYPES;

/** The memberships aggregate: a membership row and its type's fee. */
final class MembershipRepository {
    private MembershipRepository() {
    }

    /** See {@link MembershipDues#duesOfPeriod}. */
    static Select<Record4<UUID, UUID, UUID, Long>> duesOfPeriod(TenantScope scope, LocalDate period, int fiscalStartMonth) {
        var m = MEMBERSHIPS;
        var t = MEMBERSHIP_TYPES;
        Field<Long> amount = t.FEE_YEN.mul(DSL.when(t.PER_UNIT.isTrue(), m.UNITS.cast(SQLDataType.BIGINT)).otherwise(DSL.inline(1L)))
            .as("amount");
        LocalDate next = period.plusMonths(1);
        // A yearly fee falls due in the fiscal year's first month, a one-off fee in the month the membership starts.
        Condition yearly = period.getMonthValue() == fiscalStartMonth ? t.PERIOD.eq("yearly") : DSL.falseCondition();
        Condition once = period.getDayOfMonth() == 1
            ? t.PERIOD.eq("once").and(m.STARTS_ON.ge(period)).and(m.STARTS_ON.lt(next)) : DSL.falseCondition();
        return scope.dsl().select(m.ID, m.PERSON_ID, m.ORGANIZATION_ID, amount)
            .from(m).join(t).on(t.TENANT_ID.eq(m.TENANT_ID), t.ID.eq(m.TYPE_ID))
            .where(scope.owns(m), m.STATUS.eq("active"), t.FEE_YEN.gt(0L), m.STARTS_ON.lt(next),
                m.ENDS_ON.isNull().or(m.ENDS_ON.ge(period)), t.PERIOD.eq("monthly").or(yearly).or(once));
    }
}
