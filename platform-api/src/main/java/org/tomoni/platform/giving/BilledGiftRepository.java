package org.tomoni.platform.giving;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.tomoni.platform.members.people.PersonNames;
import org.tomoni.platform.persistence.TenantScope;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.CHARGES;
import static org.tomoni.platform.schema.Tables.GIFT_PLANS;
import static org.tomoni.platform.schema.Tables.RECURRING_GIFTS;

/**
 * What billing does to recurring gifts, set-based: a failed charge puts its gift in {@code error} (with a history
 * row), a collected one takes a gift in error back to {@code active}. The moves are {@link GiftStatus}'s.
 */
final class BilledGiftRepository {
    private BilledGiftRepository() {
    }

    /** The statuses a failed charge may move a gift from (GiftStatus: active or error, never paused or cancelled). */
    private static List<String> failable() {
        return Arrays.stream(GiftStatus.values()).filter(s -> s.canBecome(GiftStatus.ERROR)).map(GiftStatus::code).toList();
    }

    /**
     * The gifts of the batch's failed debits ({@link ChargeRepository#copyFailed}) go to error with the bank's reason;
     * {@code retryCodes} are the result codes the bank may clear by itself, charged again by next period's run. One
     * {@code UPDATE … FROM}, one history insert (RecurringGiftRepository).
     */
    static void failFromBatch(TenantScope scope, Set<Short> retryCodes) {
        var g = RECURRING_GIFTS;
        var c = ChargeRepository.FAILED;
        Field<Boolean> retry = DSL.field(c.RESULT_CODE.in(retryCodes));
        scope.update(g).set(g.STATUS, GiftStatus.ERROR.code()).set(g.STATUS_REASON, c.FAILURE).set(g.RETRY_NEXT_RUN, retry).from(c)
            .where(scope.owns(c), g.TENANT_ID.eq(c.TENANT_ID), g.ID.eq(c.GIFT_ID), g.STATUS.in(failable()));
        RecurringGiftRepository.debitFailed(scope, retryCodes.stream().map(Short::intValue).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * A gift in error whose debit of {@code period} in this batch went through is active again, with a history row.
     * Each gift is found by its unique (period, gift) charge, so this runs before {@link #failFromBatch} while the gifts in
     * error are only last months' few.
     */
    static void recoverFromBatch(TenantScope scope, UUID batchId, LocalDate period) {
        var g = RECURRING_GIFTS;
        var c = CHARGES;
        Condition recovered = scope.owns(g).and(g.STATUS.eq(GiftStatus.ERROR.code())).and(DSL.exists(DSL.selectOne().from(c)
            .where(c.TENANT_ID.eq(g.TENANT_ID), c.PERIOD.eq(period), c.GIFT_ID.eq(g.ID), c.BATCH_ID.eq(batchId),
                c.STATUS.eq(ChargeStatus.COLLECTED.code()))));
        // The history lines first: they name the gifts still in error.
        RecurringGiftRepository.recovered(scope, batchId, period);
        if (GiftStatus.ERROR.canBecome(GiftStatus.ACTIVE)) {
            scope.update(g).set(g.STATUS, GiftStatus.ACTIVE.code()).set(g.STATUS_REASON, (String) null).set(g.RETRY_NEXT_RUN, false)
                .where(recovered);
        }
    }

    /** A failed debit as its notices need it: the gift, its plan, the donor and the bank's reason. */
    record FailedDebit(UUID giftId, long giftNumber, String planName, int units, long amount, String interval, String method,
                       String donorName, String email, String reason) {
    }

    /** The batch's failed debits ({@link ChargeRepository#copyFailed}) in gift-number order. */
    static List<FailedDebit> failedDebits(TenantScope scope) {
        var c = ChargeRepository.FAILED;
        var g = RECURRING_GIFTS;
        var p = GIFT_PLANS;
        return scope.dsl().select(c.GIFT_ID, g.GIFT_NUMBER, p.NAME, g.UNITS, p.UNIT_AMOUNT.times(g.UNITS), p.INTERVAL, g.PAYMENT_METHOD,
                PersonNames.fullName(), PersonNames.email(), c.FAILURE)
            .from(c).join(g).on(g.TENANT_ID.eq(c.TENANT_ID), g.ID.eq(c.GIFT_ID))
            .join(p).on(p.TENANT_ID.eq(g.TENANT_ID), p.ID.eq(g.PLAN_ID))
            .join(PersonNames.table()).on(PersonNames.on(scope, g.PERSON_ID))
            .where(scope.owns(c)).orderBy(g.GIFT_NUMBER)
            .fetch(r -> new FailedDebit(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(),
                r.value9(), r.value10()));
    }
}
