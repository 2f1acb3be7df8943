package org.tomoni.platform.members.people;

import org.tomoni.platform.persistence.TenantScope;

import java.sql.Savepoint;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.MEMBER_NUMBERS;

/** The issued member numbers (member_numbers, kept by triggers on people and organizations). */
final class MemberNumberRepository {
    private MemberNumberRepository() {
    }

    static boolean issued(TenantScope scope, long number) {
        return scope.dsl().fetchExists(MEMBER_NUMBERS, scope.owns(MEMBER_NUMBERS), MEMBER_NUMBERS.MEMBER_NUMBER.eq(number));
    }

    /** Is {@code number} held by a person or organisation other than {@code self} (null: anyone)? */
    static boolean heldByOther(TenantScope scope, long number, UUID self) {
        var n = MEMBER_NUMBERS;
        var other = self == null ? org.jooq.impl.DSL.noCondition()
            : n.PERSON_ID.isDistinctFrom(self).and(n.ORGANIZATION_ID.isDistinctFrom(self));
        return scope.dsl().fetchExists(n, scope.owns(n), n.MEMBER_NUMBER.eq(number), other);
    }

    /** The organisations' numbers: an import of people must not take one. */
    static Map<Long, UUID> organizationNumbers(TenantScope scope) {
        Map<Long, UUID> owners = new HashMap<>();
        scope.dsl().select(MEMBER_NUMBERS.MEMBER_NUMBER, MEMBER_NUMBERS.ORGANIZATION_ID).from(MEMBER_NUMBERS)
            .where(scope.owns(MEMBER_NUMBERS), MEMBER_NUMBERS.ORGANIZATION_ID.isNotNull())
            .forEach(r -> owners.put(r.value1(), r.value2()));
        return owners;
    }

    /**
     * Runs {@code write} inside a savepoint: a number a concurrent create took meanwhile rolls back
     * to it (false) and keeps the transaction alive; anything else propagates.
     */
    static boolean inSavepoint(TenantScope scope, Runnable write) {
        return scope.dsl().connectionResult(c -> {
            Savepoint savepoint = c.setSavepoint("member_number");
            try {
                write.run();
                c.releaseSavepoint(savepoint);
                return true;
            } catch (RuntimeException e) {
                if (!MemberNumbers.isTaken(e)) {
                    throw e;
                }
                c.rollback(savepoint);
                return false;
            }
        });
    }
}
