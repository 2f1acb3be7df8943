package org.tomoni.platform.identity;

import org.tomoni.platform.access.Duty;
import org.tomoni.platform.persistence.TenantScope;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.USER_DUTIES;

/** The duties granted to a tenant's users (table {@code user_duties}), one row per user and duty. */
final class UserDutyRepository {
    private UserDutyRepository() {
    }

    /** The duty codes the user holds, as stored (unknown codes are the caller's to ignore). */
    static List<String> codesOf(TenantScope scope, UUID userId) {
        return scope.dsl().select(USER_DUTIES.DUTY).from(USER_DUTIES).where(scope.owns(USER_DUTIES), USER_DUTIES.USER_ID.eq(userId))
            .fetch(USER_DUTIES.DUTY);
    }

    /** Replaces the user's duties by {@code duties}. */
    static void replace(TenantScope scope, UUID userId, Set<Duty> duties) {
        scope.dsl().deleteFrom(USER_DUTIES).where(scope.owns(USER_DUTIES), USER_DUTIES.USER_ID.eq(userId)).execute();
        for (Duty d : duties) {
            scope.insertInto(USER_DUTIES).set(USER_DUTIES.USER_ID, userId).set(USER_DUTIES.DUTY, d.code()).execute();
        }
    }
}
