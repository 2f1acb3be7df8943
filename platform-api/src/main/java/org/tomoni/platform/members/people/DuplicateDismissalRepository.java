package org.tomoni.platform.members.people;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.TenantScope;

import java.util.UUID;

import static org.tomoni.platform.schema.Tables.DUPLICATE_DISMISSALS;

/**
 * Pairs of people staff marked "not the same person" (table {@code duplicate_dismissals}), one row
 * per pair with the smaller id first; the duplicates list leaves them out.
 */
final class DuplicateDismissalRepository {
    private DuplicateDismissalRepository() {
    }

    /** Records the pair (in either order) as not the same person; a pair already recorded stays as it is. */
    static void dismiss(TenantScope scope, UUID one, UUID other) {
        boolean inOrder = before(one, other);
        UUID first = inOrder ? one : other;
        UUID second = inOrder ? other : one;
        scope.insertInto(DUPLICATE_DISMISSALS).set(DUPLICATE_DISMISSALS.FIRST_ID, first).set(DUPLICATE_DISMISSALS.SECOND_ID, second)
            .onConflictDoNothing().execute();
    }

    /** Whether the scope's tenant has recorded the pair (in either order) as not the same person. */
    static boolean dismissed(TenantScope scope, UUID one, UUID other) {
        boolean inOrder = before(one, other);
        UUID first = inOrder ? one : other;
        UUID second = inOrder ? other : one;
        return scope.dsl().fetchExists(DSL.selectOne().from(DUPLICATE_DISMISSALS).where(scope.owns(DUPLICATE_DISMISSALS),
            DUPLICATE_DISMISSALS.FIRST_ID.eq(first), DUPLICATE_DISMISSALS.SECOND_ID.eq(second)));
    }

    /** For the pairs query: the pair of {@code first} &lt; {@code second} has not been dismissed in the scope's tenant. */
    static Condition notDismissed(TenantScope scope, Field<UUID> first, Field<UUID> second) {
        return DSL.notExists(DSL.selectOne().from(DUPLICATE_DISMISSALS).where(scope.owns(DUPLICATE_DISMISSALS),
            DUPLICATE_DISMISSALS.FIRST_ID.eq(first), DUPLICATE_DISMISSALS.SECOND_ID.eq(second)));
    }

    /** PostgreSQL's order of uuids (unsigned, byte by byte), which the pairs and the table's CHECK use; UUID.compareTo is signed. */
    static boolean before(UUID one, UUID other) {
        int high = Long.compareUnsigned(one.getMostSignificantBits(), other.getMostSignificantBits());
        return high != 0 ? high < 0 : Long.compareUnsigned(one.getLeastSignificantBits(), other.getLeastSignificantBits()) < 0;
    }
}
