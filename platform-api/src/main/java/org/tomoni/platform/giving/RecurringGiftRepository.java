package org.tomoni.platform.giving;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.JSONEntry;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.members.people.PersonNames;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.CHARGES;
import static org.tomoni.platform.schema.Tables.GIFT_PLANS;
import static org.tomoni.platform.schema.Tables.RECURRING_GIFTS;
import static org.tomoni.platform.schema.Tables.RECURRING_GIFT_EVENTS;

/**
 * The recurring gifts aggregate: the gift with its history lines ({@code recurring_gift_events}: kind, the changed fields
 * before and after as jsonb, the actor). The scope stamps tenant and audit columns; a history line is written in the
 * same transaction as the change it records.
 */
final class RecurringGiftRepository {
    private static final String GIFT_NUMBER = "gift_number";
    /** Sensitive people stay hidden behind a placeholder; their gifts still count. */
    private static final String HIDDEN = "＊＊＊";

    private RecurringGiftRepository() {
    }

    /** Inserts the gift with the next gift number and status active; its number. */
    static long insert(TenantScope scope, UUID id, RecurringGifts.NewGift g) {
        long number = org.tomoni.platform.persistence.Counters.next(scope, GIFT_NUMBER);
        var insert = scope.insertInto(RECURRING_GIFTS).set(RECURRING_GIFTS.ID, id).set(RECURRING_GIFTS.GIFT_NUMBER, number)
            .set(RECURRING_GIFTS.PERSON_ID, g.personId()).set(RECURRING_GIFTS.PLAN_ID, g.plan().id()).set(RECURRING_GIFTS.UNITS, g.units())
            .set(RECURRING_GIFTS.PAYMENT_METHOD, g.method()).set(RECURRING_GIFTS.START_MONTH, g.start().atDay(1))
            .set(RECURRING_GIFTS.STATUS, GiftStatus.ACTIVE.code()).set(RECURRING_GIFTS.SOURCE, g.source())
            .set(RECURRING_GIFTS.CARD_CUSTOMER, g.cardCustomer());
        if (g.account() != null) {
            insert = insert.set(RECURRING_GIFTS.BANK_CODE, g.account().bankCode()).set(RECURRING_GIFTS.BRANCH_CODE, g.account().branchCode())
                .set(RECURRING_GIFTS.ACCOUNT_TYPE, (short) g.account().accountType())
                .set(RECURRING_GIFTS.ACCOUNT_NUMBER_ENC, g.account().sealedNumber())
                .set(RECURRING_GIFTS.ACCOUNT_NUMBER_MASK, g.account().maskedNumber())
                .set(RECURRING_GIFTS.ACCOUNT_HOLDER_KANA, g.account().holderKana());
        }
        insert.execute();
        return number;
    }

    static int setUnits(TenantScope scope, UUID id, int units) {
        return scope.update(RECURRING_GIFTS).set(RECURRING_GIFTS.UNITS, units).where(RECURRING_GIFTS.ID.eq(id));
    }

    /**
     * Moves the gift from {@code from} to {@code to} (which {@link GiftStatus#canBecome} must allow) with the reason
     * shown to staff; 0 rows when the gift is no longer in {@code from} (a concurrent change won).
     */
    static int setStatus(TenantScope scope, UUID id, GiftStatus from, GiftStatus to, String reason) {
        if (!from.canBecome(to)) {
            throw new IllegalArgumentException("a gift does not go from " + from.code() + " to " + to.code());
        }
        return scope.update(RECURRING_GIFTS).set(RECURRING_GIFTS.STATUS, to.code()).set(RECURRING_GIFTS.STATUS_REASON, reason)
            .where(RECURRING_GIFTS.ID.eq(id), RECURRING_GIFTS.STATUS.eq(from.code()));
    }

    /** A declined card charge: the gift goes into error from any status that may, with a history line. */
    static void cardDeclined(TenantScope scope, UUID id, String declineCode, String reason) {
        int changed = scope.update(RECURRING_GIFTS).set(RECURRING_GIFTS.STATUS, GiftStatus.ERROR.code())
            .set(RECURRING_GIFTS.STATUS_REASON, reason).where(RECURRING_GIFTS.ID.eq(id), RECURRING_GIFTS.STATUS.in(mayBecome(GiftStatus.ERROR)));
        if (changed == 1) {
            event(scope, id, GiftEventKind.CARD_FAILED, null, GiftChange.cardDeclined(declineCode));
        }
    }

    /** The codes of the statuses that may change into {@code next}. */
    static List<String> mayBecome(GiftStatus next) {
        return java.util.Arrays.stream(GiftStatus.values()).filter(s -> s.canBecome(next)).map(GiftStatus::code).toList();
    }

    // ---- history ----

    /** A history line for the gift, at the scope's now and by its actor. */
    static void event(TenantScope scope, UUID giftId, GiftEventKind kind, GiftChange before, GiftChange after) {
        scope.insertInto(RECURRING_GIFT_EVENTS).set(RECURRING_GIFT_EVENTS.ID, Ids.newId()).set(RECURRING_GIFT_EVENTS.GIFT_ID, giftId)
            .set(RECURRING_GIFT_EVENTS.OCCURRED_AT, scope.now()).set(RECURRING_GIFT_EVENTS.KIND, kind.code())
            .set(RECURRING_GIFT_EVENTS.BEFORE, json(before)).set(RECURRING_GIFT_EVENTS.AFTER, json(after))
            .set(RECURRING_GIFT_EVENTS.ACTOR, scope.by()).execute();
    }

    /**
     * One {@code debit_failed} line for each failed charge of a direct-debit batch ({@code ChargeRepository.FAILED}), in
     * one statement: the Zengin result code, and whether the next run charges again ({@code retryCodes}).
     */
    static int debitFailed(TenantScope scope, Set<Integer> retryCodes) {
        var failed = ChargeRepository.FAILED;
        Field<Integer> code = failed.RESULT_CODE.cast(SQLDataType.INTEGER);
        Field<JSONB> after = DSL.jsonbObject(DSL.jsonEntry("status", DSL.inline(GiftStatus.ERROR.code())), DSL.jsonEntry("resultCode", code),
            DSL.jsonEntry("retry", DSL.field(code.in(retryCodes))));
        return eventsFrom(scope, GiftEventKind.DEBIT_FAILED, null, DSL.select(failed.GIFT_ID.as("gift_id"), after.as("after"))
            .from(failed).where(scope.owns(failed)));
    }

    /** One {@code recovered} line for each gift in error whose debit of {@code period} in the batch went through. */
    static int recovered(TenantScope scope, UUID batchId, LocalDate period) {
        return eventsFrom(scope, GiftEventKind.RECOVERED, json(GiftChange.status(GiftStatus.ERROR)),
            DSL.select(RECURRING_GIFTS.ID.as("gift_id"), json(GiftChange.status(GiftStatus.ACTIVE)).as("after")).from(RECURRING_GIFTS)
                .where(scope.owns(RECURRING_GIFTS), RECURRING_GIFTS.STATUS.eq(GiftStatus.ERROR.code()), DSL.exists(DSL.selectOne().from(CHARGES)
                    .where(CHARGES.TENANT_ID.eq(RECURRING_GIFTS.TENANT_ID), CHARGES.GIFT_ID.eq(RECURRING_GIFTS.ID), CHARGES.PERIOD.eq(period),
                        CHARGES.BATCH_ID.eq(batchId), CHARGES.STATUS.eq(ChargeStatus.COLLECTED.code())))));
    }

    /** History lines of one kind for the gifts {@code gifts} selects, each with its {@code after}; in one statement. */
    private static int eventsFrom(TenantScope scope, GiftEventKind kind, Field<JSONB> before,
                                  org.jooq.Select<? extends org.jooq.Record2<UUID, JSONB>> gifts) {
        var e = RECURRING_GIFT_EVENTS;
        var g = gifts.asTable("g");
        Field<UUID> giftId = g.field("gift_id", UUID.class);
        Field<JSONB> after = g.field("after", JSONB.class);
        List<Field<?>> columns = new java.util.ArrayList<>(List.of(e.TENANT_ID, e.ID, e.GIFT_ID, e.OCCURRED_AT, e.KIND, e.BEFORE, e.AFTER,
            e.ACTOR));
        columns.addAll(scope.stampColumns(e));
        List<org.jooq.SelectFieldOrAsterisk> values = new java.util.ArrayList<>(List.of(DSL.val(scope.tenantId()), ChargeRepository.NEW_ID, giftId,
            DSL.val(scope.now()), DSL.val(kind.code()), before == null ? DSL.castNull(SQLDataType.JSONB) : before, after,
            DSL.val(scope.by())));
        values.addAll(scope.stampValues(e));
        return scope.dsl().insertInto(e, columns).select(DSL.select(values).from(g))
            .execute();
    }

    private static List<RecurringGifts.Event> history(TenantScope scope, UUID giftId) {
        var e = RECURRING_GIFT_EVENTS;
        return scope.dsl().select(e.OCCURRED_AT, e.KIND, e.ACTOR, change(e.BEFORE), change(e.AFTER)).from(e)
            .where(scope.owns(e), e.GIFT_ID.eq(giftId)).orderBy(e.OCCURRED_AT, e.ID)
            .fetch(r -> new RecurringGifts.Event(r.value1().toString(), r.value2(), r.value4(), r.value5(), r.value3()));
    }

    /** Writes the change as a jsonb object of its non-null fields; null for none. */
    private static Field<JSONB> json(GiftChange c) {
        if (c == null) {
            return DSL.castNull(SQLDataType.JSONB);
        }
        List<JSONEntry<?>> entries = new ArrayList<>();
        text(entries, "status", c.status());
        number(entries, "units", c.units());
        text(entries, "plan", c.plan());
        text(entries, "method", c.method());
        number(entries, "resultCode", c.resultCode());
        if (c.retry() != null) {
            entries.add(DSL.jsonEntry("retry", DSL.val(c.retry()).cast(SQLDataType.BOOLEAN)));
        }
        text(entries, "declineCode", c.declineCode());
        return DSL.jsonbObject(entries);
    }

    private static void text(List<JSONEntry<?>> entries, String key, String value) {
        if (value != null) {
            entries.add(DSL.jsonEntry(key, DSL.val(value).cast(SQLDataType.VARCHAR)));
        }
    }

    private static void number(List<JSONEntry<?>> entries, String key, Integer value) {
        if (value != null) {
            entries.add(DSL.jsonEntry(key, DSL.val(value).cast(SQLDataType.INTEGER)));
        }
    }

    /** Reads a jsonb side back into its fields, key by key; null when the side is null. */
    private static org.jooq.SelectField<GiftChange> change(Field<JSONB> side) {
        Field<String> status = DSL.jsonbGetAttributeAsText(side, "status");
        Field<Integer> units = DSL.jsonbGetAttributeAsText(side, "units").cast(SQLDataType.INTEGER);
        Field<String> plan = DSL.jsonbGetAttributeAsText(side, "plan");
        Field<String> method = DSL.jsonbGetAttributeAsText(side, "method");
        Field<Integer> resultCode = DSL.jsonbGetAttributeAsText(side, "resultCode").cast(SQLDataType.INTEGER);
        Field<Boolean> retry = DSL.jsonbGetAttributeAsText(side, "retry").cast(SQLDataType.BOOLEAN);
        Field<String> declineCode = DSL.jsonbGetAttributeAsText(side, "declineCode");
        return DSL.row(side.isNull(), status, units, plan, method, resultCode, retry, declineCode).mapping(GiftChange.class,
            (absent, s, u, p, m, rc, rt, dc) -> Boolean.TRUE.equals(absent) ? null : new GiftChange(s, u, p, m, rc, rt, dc));
    }

    // ---- reads ----

    /** Does any gift of the scope's tenant, in any status, use the plan? */
    static boolean anyOnPlan(TenantScope scope, UUID planId) {
        return scope.dsl().fetchExists(RECURRING_GIFTS, scope.owns(RECURRING_GIFTS), RECURRING_GIFTS.PLAN_ID.eq(planId));
    }

    static Optional<RecurringGifts.GiftView> find(TenantScope scope, UUID id, boolean withHistory) {
        return joined(scope).where(scope.owns(RECURRING_GIFTS), RECURRING_GIFTS.ID.eq(id))
            .fetchOptional(r -> view(r, withHistory ? history(scope, id) : null));
    }

    static List<RecurringGifts.GiftView> page(TenantScope scope, GiftStatus status, PageRequest page) {
        return joined(scope).where(listed(scope, status)).orderBy(RECURRING_GIFTS.GIFT_NUMBER).limit(page.size()).offset(page.offset())
            .fetch(r -> view(r, null));
    }

    static long count(TenantScope scope, GiftStatus status) {
        return scope.dsl().fetchCount(RECURRING_GIFTS, listed(scope, status));
    }

    private static Condition listed(TenantScope scope, GiftStatus status) {
        return scope.owns(RECURRING_GIFTS).and(status == null ? DSL.noCondition() : RECURRING_GIFTS.STATUS.eq(status.code()));
    }

    /** Gifts with their plan's unit amount and the donor's name, in one query; list views leave the history out. */
    private static SelectOnConditionStep<Record> joined(TenantScope scope) {
        var g = RECURRING_GIFTS;
        List<SelectFieldOrAsterisk> fields = List.of(g.ID, g.GIFT_NUMBER, g.PERSON_ID, g.PLAN_ID, g.UNITS, g.PAYMENT_METHOD, g.START_MONTH,
            g.STATUS, g.STATUS_REASON, g.VERSION, g.BANK_CODE, g.BRANCH_CODE, g.ACCOUNT_TYPE, g.ACCOUNT_NUMBER_MASK, g.ACCOUNT_HOLDER_KANA,
            g.SOURCE, GIFT_PLANS.UNIT_AMOUNT, GIFT_PLANS.NAME, PersonNames.familyName(), PersonNames.givenName(), PersonNames.sensitive());
        return scope.dsl().select(fields).from(g)
            .join(GIFT_PLANS).on(scope.owns(GIFT_PLANS), GIFT_PLANS.ID.eq(g.PLAN_ID))
            .join(PersonNames.table()).on(PersonNames.on(scope, g.PERSON_ID));
    }

    private static RecurringGifts.GiftView view(Record r, List<RecurringGifts.Event> history) {
        var g = RECURRING_GIFTS;
        int units = r.get(g.UNITS);
        long unit = r.get(GIFT_PLANS.UNIT_AMOUNT);
        RecurringGifts.BankAccount account = r.get(g.BANK_CODE) == null ? null : new RecurringGifts.BankAccount(r.get(g.BANK_CODE),
            r.get(g.BRANCH_CODE), r.get(g.ACCOUNT_TYPE), r.get(g.ACCOUNT_NUMBER_MASK), r.get(g.ACCOUNT_HOLDER_KANA));
        String donor = Boolean.TRUE.equals(r.get(PersonNames.sensitive())) ? HIDDEN
            : r.get(PersonNames.familyName()) + " " + r.get(PersonNames.givenName());
        return new RecurringGifts.GiftView(r.get(g.ID), r.get(g.GIFT_NUMBER), r.get(g.PERSON_ID), donor, r.get(g.PLAN_ID),
            r.get(GIFT_PLANS.NAME), units, unit * units, r.get(g.PAYMENT_METHOD), account, YearMonth.from(r.get(g.START_MONTH)).toString(),
            r.get(g.STATUS), r.get(g.STATUS_REASON), r.get(g.SOURCE), r.get(g.VERSION), history);
    }
}
