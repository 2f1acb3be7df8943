package org.tomoni.platform.members;

import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Role;

import java.util.Optional;

/**
 * Who may do what in the members module. Sensitive people (children, consultation clients)
 * are seen by tenant admins only: they stay out of other roles' lists, lookups and exports.
 */
final class Access {
    private Access() {
    }

    static boolean seesSensitive(Actor actor) {
        return actor.isTenantUser() && actor.has(Role.TENANT_ADMIN);
    }

    /** Empty when allowed; otherwise the rejection to answer with. */
    static <T> Optional<Outcome<T>> read(Actor actor) {
        return actor.canReadTenantData() ? Optional.empty() : Optional.of(Outcome.rejected(ErrorCode.FORBIDDEN));
    }

    static <T> Optional<Outcome<T>> write(Actor actor) {
        return actor.canWriteTenantData() ? Optional.empty() : Optional.of(Outcome.rejected(ErrorCode.FORBIDDEN));
    }

    static <T> Optional<Outcome<T>> admin(Actor actor) {
        return actor.isTenantUser() && actor.has(Role.TENANT_ADMIN) ? Optional.empty() : Optional.of(Outcome.rejected(ErrorCode.FORBIDDEN));
    }
}
