package org.tomoni.platform.members.people;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.persistence.Counters;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Outcome;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Per-tenant member numbers (会員番号) shared by people and organisations. The database holds the
 * rule: every issued number is a row of {@code member_numbers} (primary key tenant and number),
 * kept by triggers on both tables, so two concurrent creates can never share one. A number given
 * by hand that is taken is answered 409 naming {@code memberNumber}; a drawn number taken meanwhile
 * by a given one is skipped and the next one drawn.
 */
public final class MemberNumbers {
    private static final Table<?> ISSUED = table(name("member_numbers"));
    private static final Field<Long> NUMBER = field(name("member_number"), Long.class);
    private static final Set<String> CONSTRAINTS = Set.of("member_numbers_pkey", "people_member_number",
        "organizations_tenant_id_member_number_key");
    private static final String UNIQUE_VIOLATION = "23505";

    private MemberNumbers() {
    }

    /** Draws the next free number from the tenant's counter and gives it to the party ({@code table}'s row {@code id}). */
    public static long assign(DSLContext dsl, UUID tenantId, Table<?> table, Field<Long> column, UUID id, OffsetDateTime now, String by) {
        while (true) {
            long number = Counters.next(dsl, tenantId, "member_number", now, by);
            if (taken(dsl, tenantId, number)) {
                continue;
            }
            // A concurrent create may give this very number by hand; the savepoint keeps our transaction alive if it wins.
            dsl.execute("savepoint member_number");
            try {
                dsl.update(table).set(column, number).where(Columns.TENANT_ID.eq(tenantId), Columns.ID.eq(id)).execute();
                dsl.execute("release savepoint member_number");
                return number;
            } catch (DataAccessException e) {
                if (!isTaken(e)) {
                    throw e;
                }
                dsl.execute("rollback to savepoint member_number");
            }
        }
    }

    private static boolean taken(DSLContext dsl, UUID tenantId, long number) {
        return dsl.fetchExists(ISSUED, Columns.TENANT_ID.eq(tenantId), NUMBER.eq(number));
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
