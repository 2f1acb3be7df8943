package org.tomoni.platform.members.people;

import org.postgresql.util.PSQLException;
import org.tomoni.platform.persistence.Counters;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Outcome;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Per-tenant member numbers (会員番号) shared by people and organisations. The database holds the
 * rule: every issued number is a row of {@code member_numbers} (primary key tenant and number),
 * kept by triggers on both tables, so two concurrent creates can never share one. A number given
 * by hand that is taken is answered 409 naming {@code memberNumber}; a drawn number taken meanwhile
 * by a given one is skipped and the next one drawn.
 */
public final class MemberNumbers {
    private static final Set<String> CONSTRAINTS = Set.of("member_numbers_pkey", "people_member_number",
        "organizations_tenant_id_member_number_key");
    private static final String UNIQUE_VIOLATION = "23505";

    private MemberNumbers() {
    }

    /** Who gets a drawn number: e.g. the organisation's repository setting its column. */
    @FunctionalInterface
    public interface Holder {
        void take(long number);
    }

    /** Draws the next free number from the tenant's counter and gives it to {@code holder}; the number given. */
    public static long assign(TenantScope scope, Holder holder) {
        while (true) {
            long number = Counters.next(scope, "member_number");
            if (MemberNumberRepository.issued(scope, number)) {
                continue;
            }
            // A concurrent create may give this very number by hand; the savepoint keeps our transaction alive if it wins.
            if (MemberNumberRepository.inSavepoint(scope, () -> holder.take(number))) {
                return number;
            }
        }
    }

    /** Gives a person without a member number the next one (a membership makes them a member). */
    public static void assignToPerson(TenantScope scope, UUID personId) {
        if (PeopleRepository.hasNoMemberNumber(scope, personId)) {
            assign(scope, number -> PeopleRepository.setMemberNumber(scope, personId, number));
        }
    }

    /** A member number is unique across the tenant's people and organisations; {@code self} may keep its own. */
    public static void check(TenantScope scope, Long number, UUID self, Fields f) {
        if (number != null && MemberNumberRepository.heldByOther(scope, number, self)) {
            f.error("memberNumber", "taken");
        }
    }

    /** Runs a write; a member number lost to a concurrent create becomes a 409 naming the field, not a 500. */
    public static <T> Outcome<T> guarded(Supplier<Outcome<T>> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (isTaken(e)) {
                return taken();
            }
            throw e;
        }
    }

    /** The rejection for a party's field errors: a taken member number alone is a conflict (409), anything else a 400. */
    public static <T> Outcome<T> rejected(List<FieldError> errors) {
        boolean onlyTaken = !errors.isEmpty() && errors.stream().allMatch(e -> "memberNumber".equals(e.field()) && "taken".equals(e.code()));
        return onlyTaken ? taken() : Outcome.invalid(errors);
    }

    private static <T> Outcome<T> taken() {
        return new Outcome.Rejected<>(ErrorCode.DUPLICATE, List.of(FieldError.of("memberNumber", "taken")));
    }

    public static boolean isTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && UNIQUE_VIOLATION.equals(p.getSQLState()) && p.getServerErrorMessage() != null
                && CONSTRAINTS.contains(p.getServerErrorMessage().getConstraint())) {
                return true;
            }
        }
        return false;
    }
}
