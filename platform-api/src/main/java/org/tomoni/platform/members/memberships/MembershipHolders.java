package org.tomoni.platform.members.memberships;

import org.jooq.Condition;
import org.jooq.Field;
import org.tomoni.platform.persistence.TenantScope;

import java.util.UUID;

/**
 * The condition the people list filters by ("members whose membership is lapsed"), published so
 * that people's query keeps its single SQL statement without naming the memberships table
 * (README, "How to add a table": a published join).
 */
public final class MembershipHolders {
    private MembershipHolders() {
    }

    /** {@code exists (a membership of personId, of the scope's tenant, in status)}. */
    public static Condition holding(TenantScope scope, Field<UUID> personId, String status) {
        return MembershipRepository.holding(scope, personId, status);
    }
}
