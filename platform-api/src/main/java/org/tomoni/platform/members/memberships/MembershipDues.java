package org.tomoni.platform.members.memberships;

import org.jooq.Record4;
import org.jooq.Select;
import org.tomoni.platform.persistence.TenantScope;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The dues the memberships of a tenant owe in one billing period, published for giving's billing
 * run, which turns them into charges in one {@code INSERT … SELECT} without naming the
 * memberships tables (README, "How to add a table": a published join).
 */
public final class MembershipDues {
    private MembershipDues() {
    }

    /**
     * (membership_id, person_id, organization_id, amount) of every active membership whose type
     * has a fee due in {@code period} (the first day of the month): monthly fees every month,
     * yearly fees in the fiscal year's first month ({@code fiscalStartMonth}), one-off fees in the
     * month the membership starts; a membership counts from its start month up to its end date.
     * Amount is the fee in yen, times the units for a per-unit type.
     */
    public static Select<Record4<UUID, UUID, UUID, Long>> duesOfPeriod(TenantScope scope, LocalDate period, int fiscalStartMonth) {
        return MembershipRepository.duesOfPeriod(scope, period, fiscalStartMonth);
    }
}
