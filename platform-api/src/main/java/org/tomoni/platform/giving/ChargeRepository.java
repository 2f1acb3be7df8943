package org.tomoni.platform.giving;

import org.jooq.CaseWhenStep;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.members.memberships.MembershipDues;
import org.tomoni.platform.members.organizations.OrganizationNames;
import org.tomoni.platform.members.people.PersonNames;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.CHARGES;
import static org.tomoni.platform.schema.Tables.GIFT_PLANS;
import static org.tomoni.platform.schema.Tables.RECURRING_GIFTS;

/**
 * Charges: one per gift (or membership) and period, created set-based by a billing run and settled
 * by a card gateway or a bank's result. Every statement here is one statement for any number of
 * charges; the indexes each one uses are listed in the README ("Money tables: keys and indexes").
 * Rows inserted by {@code INSERT … SELECT} carry the scope's tenant, time and name in their audit
 * columns, as {@code scope.insertInto} would set them.
 */
final class ChargeRepository {
    /** Time-ordered ids for rows inserted in bulk ({@code app.uuid_v7()}, the layout of {@code Ids.newId}). */
    static final Field<UUID> NEW_ID = DSL.function(DSL.name("app", "uuid_v7"), SQLDataType.UUID);
    static final String DONATION = "donation";
    static final String FEE = "fee";
    static final String DIRECT_DEBIT = "direct_debit";
    static final String CARD = "card";

    /**
     * A reconciled batch's failed charges, copied once into a temporary table of the charges' columns ({@code ON
     * COMMIT DROP}): the three steps that need them (the gifts to error, their history, the notices) read these few
     * rows instead of each scanning the whole batch (measured: 0.86 s of 100,000 debits with 5,000 failures).
     */
    static final org.tomoni.platform.schema.tables.Charges FAILED = CHARGES.rename("failed_charges");

    private ChargeRepository() {
    }

    record Totals(long count, long amount) {
        static final Totals NONE = new Totals(0, 0);
    }

    /**
     * The run's one statement for gifts: monthly plans every month, yearly ones in their start month, one-off gifts
     * once; active gifts and those in error that the bank may clear by itself. In gift order, so that the period's part
     * of the idempotency key (tenant, period, gift) fills in order; a repeated run inserts nothing.
     */
    static int chargeGifts(TenantScope scope, UUID runId, LocalDate period) {
        var g = RECURRING_GIFTS;
        var p = GIFT_PLANS;
        var c = CHARGES;
        OffsetDateTime now = scope.now();
        Condition due = p.INTERVAL.eq("monthly")
            .or(p.INTERVAL.eq("yearly").and(DSL.month(g.START_MONTH).eq(period.getMonthValue())))
            .or(p.INTERVAL.eq("once").and(g.START_MONTH.eq(period)));
        Condition charged = g.STATUS.eq(GiftStatus.ACTIVE.code()).or(g.STATUS.eq(GiftStatus.ERROR.code()).and(g.RETRY_NEXT_RUN));
        return scope.dsl().insertInto(c, c.TENANT_ID, c.ID, c.GIFT_ID, c.PERIOD, c.AMOUNT, c.METHOD, c.STATUS, c.RUN_ID, c.CREATED_AT,
                c.CREATED_BY, c.UPDATED_AT, c.UPDATED_BY, c.PERSON_ID, c.KIND, c.CUSTOMER_NUMBER)
            .select(DSL.select(g.TENANT_ID, NEW_ID, g.ID, DSL.val(period), p.UNIT_AMOUNT.times(g.UNITS), g.PAYMENT_METHOD,
                    DSL.val(ChargeStatus.PENDING.code()), DSL.val(runId), DSL.val(now), DSL.val(scope.by()), DSL.val(now), DSL.val(scope.by()),
                    g.PERSON_ID, DSL.val(DONATION), DSL.lpad(g.GIFT_NUMBER.cast(SQLDataType.VARCHAR), 20, "0"))
                .from(g).join(p).on(p.TENANT_ID.eq(g.TENANT_ID), p.ID.eq(g.PLAN_ID))
                .where(scope.owns(g), charged, g.START_MONTH.le(period), due)
                .orderBy(g.ID))
            .onConflict(c.TENANT_ID, c.PERIOD, c.GIFT_ID).doNothing()
            .execute();
    }

    /**
     * The run's one statement for membership dues: what the memberships package says is due in the period
     * (membership, person, organization, amount) becomes a fee, once per membership and period.
     */
    static int chargeDues(TenantScope scope, UUID runId, LocalDate period, int fiscalStartMonth) {
        var c = CHARGES;
        var d = MembershipDues.duesOfPeriod(scope, period, fiscalStartMonth)
            .asTable("dues", "membership_id", "person_id", "organization_id", "amount");
        OffsetDateTime now = scope.now();
        return scope.dsl().insertInto(c, c.TENANT_ID, c.ID, c.MEMBERSHIP_ID, c.PERIOD, c.AMOUNT, c.METHOD, c.STATUS, c.RUN_ID, c.CREATED_AT,
                c.CREATED_BY, c.UPDATED_AT, c.UPDATED_BY, c.PERSON_ID, c.ORGANIZATION_ID, c.KIND)
            .select(DSL.select(DSL.val(scope.tenantId()), NEW_ID, d.field(0, UUID.class), DSL.val(period), d.field(3, Long.class),
                    DSL.val("bank_transfer"), DSL.val(ChargeStatus.PENDING.code()), DSL.val(runId), DSL.val(now), DSL.val(scope.by()),
                    DSL.val(now), DSL.val(scope.by()), d.field(1, UUID.class), d.field(2, UUID.class), DSL.val(FEE))
                .from(d))
            .onConflict(c.TENANT_ID, c.PERIOD, c.MEMBERSHIP_ID).where(c.MEMBERSHIP_ID.isNotNull()).doNothing()
            .execute();
    }

    /** What one run created in its period: counted inside the period (the idempotency key's prefix), no index of its own. */
    static Totals ofRun(TenantScope scope, UUID runId, LocalDate period) {
        var c = CHARGES;
        Record r = scope.dsl().select(DSL.count(), DSL.coalesce(DSL.sum(c.AMOUNT), java.math.BigDecimal.ZERO)).from(c)
            .where(scope.owns(c), c.PERIOD.eq(period), c.RUN_ID.eq(runId)).fetchOne();
        return new Totals(r.get(0, Long.class), r.get(1, Long.class));
    }

    /** Charges and yen of each period, in one query over the key's (tenant, period) prefix. */
    static Map<LocalDate, Totals> ofPeriods(TenantScope scope, Collection<LocalDate> periods) {
        var c = CHARGES;
        return scope.dsl().select(c.PERIOD, DSL.count(), DSL.coalesce(DSL.sum(c.AMOUNT), java.math.BigDecimal.ZERO)).from(c)
            .where(scope.owns(c), c.PERIOD.in(periods)).groupBy(c.PERIOD)
            .fetchMap(r -> r.value1(), r -> new Totals(r.value2(), r.get(2, Long.class)));
    }

    /**
     * What narrows a list of charges; null fields do not narrow. A run is looked for inside its period (the key's
     * prefix), so {@code runPeriod} comes with {@code runId}; {@code name} matches the person's or organisation's
     * name, reading, e-mail or phone as the people list searches.
     */
    record Filter(UUID runId, LocalDate runPeriod, UUID batchId, String method, String status, UUID personId, String name) {
    }

    /**
     * One charge as staff read it: whose (a person or an organisation, with the member number), how, where it stands,
     * and for a direct debit the gift's bank details (the account number masked). {@code hasAccount} is false for a
     * direct-debit gift entered without its bank account.
     */
    record Line(UUID id, UUID runId, LocalDate period, String kind, String method, String status, long amount, UUID personId,
                UUID organizationId, String name, boolean sensitive, Long memberNumber, UUID batchId, Long batchNumber, Short resultCode,
                String failure, boolean hasAccount, String bankCode, String branchCode, String accountMask) {
    }

    /** Charges and yen of one method and status. */
    record MethodStatusTotal(String method, String status, long count, long amount) {
    }

    private static final PersonNames.Alias WHO = PersonNames.alias("charge_person");
    private static final OrganizationNames ORG = OrganizationNames.alias("charge_organization");

    private static Condition listed(TenantScope scope, Filter f) {
        var c = CHARGES;
        Condition x = scope.owns(c);
        if (f.runId() != null) {
            x = x.and(c.PERIOD.eq(f.runPeriod())).and(c.RUN_ID.eq(f.runId()));
        }
        if (f.batchId() != null) {
            x = x.and(c.BATCH_ID.eq(f.batchId()));
        }
        if (f.method() != null) {
            x = x.and(c.METHOD.eq(f.method()));
        }
        if (f.status() != null) {
            x = x.and(c.STATUS.eq(f.status()));
        }
        if (f.personId() != null) {
            x = x.and(c.PERSON_ID.eq(f.personId()));
        }
        if (f.name() != null && !f.name().isBlank()) {
            x = x.and(WHO.matches(f.name()).or(ORG.matches(f.name())));
        }
        return x;
    }

    private static <R extends Record> org.jooq.SelectOnConditionStep<R> joined(TenantScope scope, org.jooq.SelectSelectStep<R> select) {
        var c = CHARGES;
        var g = RECURRING_GIFTS;
        var b = org.tomoni.platform.schema.Tables.DEBIT_BATCHES;
        return select.from(c)
            .leftJoin(g).on(g.TENANT_ID.eq(c.TENANT_ID), g.ID.eq(c.GIFT_ID))
            .leftJoin(b).on(b.TENANT_ID.eq(c.TENANT_ID), b.ID.eq(c.BATCH_ID))
            .leftJoin(WHO.table()).on(WHO.on(scope, c.PERSON_ID))
            .leftJoin(ORG.table()).on(ORG.on(scope, c.ORGANIZATION_ID));
    }

    /**
     * A page of charges: a batch's by customer number (the request file's order), a run's by name (gojuon), any other
     * newest first (time-ordered ids).
     */
    static List<Line> page(TenantScope scope, Filter f, PageRequest page) {
        var c = CHARGES;
        List<org.jooq.SortField<?>> order = f.batchId() != null ? List.of(c.CUSTOMER_NUMBER.asc(), c.ID.asc())
            : f.runId() != null ? List.of(DSL.coalesce(WHO.sortKey(), ORG.name()).asc(), c.ID.asc()) : List.of(c.ID.desc());
        return lines(scope, listed(scope, f), order, page);
    }

    private static List<Line> lines(TenantScope scope, Condition which, List<org.jooq.SortField<?>> order, PageRequest page) {
        var c = CHARGES;
        var g = RECURRING_GIFTS;
        var b = org.tomoni.platform.schema.Tables.DEBIT_BATCHES;
        var select = scope.dsl().select(c.ID, c.RUN_ID, c.PERIOD, c.KIND, c.METHOD, c.STATUS, c.AMOUNT, c.PERSON_ID, c.ORGANIZATION_ID,
            DSL.coalesce(WHO.fullName(), ORG.name()), DSL.coalesce(WHO.sensitive(), DSL.inline(false)),
            DSL.coalesce(WHO.memberNumber(), ORG.memberNumber()), c.BATCH_ID, b.BATCH_NUMBER, c.RESULT_CODE, c.FAILURE,
            g.ACCOUNT_NUMBER_ENC.isNotNull(), g.BANK_CODE, g.BRANCH_CODE, g.ACCOUNT_NUMBER_MASK);
        return joined(scope, select).where(scope.owns(c), which).orderBy(order).limit(page.size()).offset(page.offset())
            .fetch(r -> new Line(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9(),
                r.value10(), Boolean.TRUE.equals(r.value11()), r.value12(), r.value13(), r.value14(), r.value15(), r.value16(),
                Boolean.TRUE.equals(r.value17()), r.value18(), r.value19(), r.value20()));
    }

    /** One charge of the tenant. */
    static Optional<Line> find(TenantScope scope, UUID id) {
        var c = CHARGES;
        return lines(scope, c.ID.eq(id), List.of(c.ID.asc()), new PageRequest(0, 1)).stream().findFirst();
    }

    static long count(TenantScope scope, Filter f) {
        return joined(scope, scope.dsl().select(DSL.count())).where(listed(scope, f)).fetchOne(0, Long.class);
    }

    /** Charges and yen by method and status of the filtered charges, in one query. */
    static List<MethodStatusTotal> totals(TenantScope scope, Filter f) {
        var c = CHARGES;
        return joined(scope, scope.dsl().select(c.METHOD, c.STATUS, DSL.count(), DSL.coalesce(DSL.sum(c.AMOUNT), java.math.BigDecimal.ZERO)))
            .where(listed(scope, f)).groupBy(c.METHOD, c.STATUS).orderBy(c.METHOD, c.STATUS)
            .fetch(r -> new MethodStatusTotal(r.value1(), r.value2(), r.value3(), r.get(3, Long.class)));
    }

    record PendingCard(UUID chargeId, UUID giftId, UUID personId, long amount, String customer) {
    }

    /** The period's card charges still pending, with the gift's card customer. */
    static List<PendingCard> pendingCards(TenantScope scope, LocalDate period) {
        var c = CHARGES;
        var g = RECURRING_GIFTS;
        return scope.dsl().select(c.ID, c.GIFT_ID, c.PERSON_ID, c.AMOUNT, g.CARD_CUSTOMER)
            .from(c).join(g).on(g.TENANT_ID.eq(c.TENANT_ID), g.ID.eq(c.GIFT_ID))
            .where(scope.owns(c), c.PERIOD.eq(period), c.METHOD.eq(CARD), c.STATUS.eq(ChargeStatus.PENDING.code()))
            .fetch(r -> new PendingCard(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** Settles a pending charge; 0 when it was no longer pending (another node got there first). */
    static int settle(TenantScope scope, UUID chargeId, ChargeStatus to, String failure) {
        if (!ChargeStatus.PENDING.canBecome(to)) {
            throw new IllegalArgumentException("a pending charge cannot become " + to);
        }
        var c = CHARGES;
        return scope.update(c).set(c.STATUS, to.code()).set(c.FAILURE, failure)
            .where(c.ID.eq(chargeId), c.STATUS.eq(ChargeStatus.PENDING.code()));
    }

    /** The period's pending direct debits not yet in a batch whose gift has its bank account. */
    private static Condition unbatchedDebits(TenantScope scope, LocalDate period) {
        var c = CHARGES;
        var g = RECURRING_GIFTS;
        // A gift entered by staff without its bank account stays pending until the account is added.
        var withAccount = DSL.select(g.ID).from(g).where(scope.owns(g), g.ACCOUNT_NUMBER_ENC.isNotNull());
        return scope.owns(c).and(c.PERIOD.eq(period)).and(c.METHOD.eq(DIRECT_DEBIT)).and(c.STATUS.eq(ChargeStatus.PENDING.code()))
            .and(c.BATCH_ID.isNull()).and(c.GIFT_ID.in(withAccount));
    }

    static Totals unbatched(TenantScope scope, LocalDate period) {
        var c = CHARGES;
        Record r = scope.dsl().select(DSL.count(), DSL.coalesce(DSL.sum(c.AMOUNT), java.math.BigDecimal.ZERO)).from(c)
            .where(unbatchedDebits(scope, period)).fetchOne();
        return new Totals(r.get(0, Long.class), r.get(1, Long.class));
    }

    static int assignBatch(TenantScope scope, LocalDate period, UUID batchId) {
        var c = CHARGES;
        return scope.update(c).set(c.BATCH_ID, batchId).where(unbatchedDebits(scope, period));
    }

    /** One debit of a request file: the gift's account (number still sealed) and the charge. */
    record DebitRow(String bankCode, String branchCode, short accountType, String sealedNumber, String holderKana, long amount,
                    String customerNumber, LocalDate startMonth, LocalDate period) {
    }

    /** A batch's debits in customer-number order (the batch index), read through a server-side cursor; close it. */
    interface DebitRows extends Iterator<DebitRow>, AutoCloseable {
        @Override
        void close();
    }

    static DebitRows debits(TenantScope scope, UUID batchId, int fetchSize) {
        var c = CHARGES;
        var g = RECURRING_GIFTS;
        var cursor = scope.dsl().select(g.BANK_CODE, g.BRANCH_CODE, g.ACCOUNT_TYPE, g.ACCOUNT_NUMBER_ENC, g.ACCOUNT_HOLDER_KANA, c.AMOUNT,
                c.CUSTOMER_NUMBER, g.START_MONTH, c.PERIOD)
            .from(c).join(g).on(g.TENANT_ID.eq(c.TENANT_ID), g.ID.eq(c.GIFT_ID))
            .where(scope.owns(c), c.BATCH_ID.eq(batchId))
            .orderBy(c.CUSTOMER_NUMBER).fetchSize(fetchSize).fetchLazy();
        var rows = cursor.iterator();
        return new DebitRows() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public DebitRow next() {
                var r = rows.next();
                return new DebitRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8(), r.value9());
            }

            @Override
            public void close() {
                cursor.close();
            }
        };
    }

    /** The first staged result that is not the batch's: its record and whether the customer number is unknown (else the amount differs). */
    record Mismatch(int record, boolean unknownCustomer) {
    }

    /**
     * Two minima over the whole join rather than {@code ORDER BY record LIMIT 1}: with a limit the planner expects the first
     * row to mismatch and may loop over the batch's charges once per record (10^10 rows for 100,000 debits); the
     * aggregate joins once (hash or index probes).
     */
    static Optional<Mismatch> firstMismatch(TenantScope scope, UUID batchId) {
        var c = CHARGES;
        var r = DebitBatchRepository.STAGED;
        Record x = scope.dsl().select(DSL.min(r.RECORD).filterWhere(c.ID.isNull()), DSL.min(r.RECORD).filterWhere(c.ID.isNotNull()))
            .from(r).leftJoin(c).on(c.TENANT_ID.eq(r.TENANT_ID), c.BATCH_ID.eq(batchId), c.CUSTOMER_NUMBER.eq(r.CUSTOMER_NUMBER))
            .where(scope.owns(r), r.BATCH_ID.eq(batchId), c.ID.isNull().or(c.AMOUNT.ne(r.AMOUNT)))
            .fetchOne();
        Integer unknown = x.get(0, Integer.class);
        Integer differs = x.get(1, Integer.class);
        if (unknown == null && differs == null) {
            return Optional.empty();
        }
        boolean unknownFirst = differs == null || (unknown != null && unknown < differs);
        return Optional.of(new Mismatch(unknownFirst ? unknown : differs, unknownFirst));
    }

    /** Fills {@link #FAILED} with the batch's failed charges of gifts, for the rest of the transaction. */
    static void copyFailed(TenantScope scope, UUID batchId) {
        var c = CHARGES;
        scope.dsl().createTemporaryTable(FAILED).as(DSL.selectFrom(c).where(scope.owns(c), c.BATCH_ID.eq(batchId),
            c.STATUS.eq(ChargeStatus.FAILED.code()), c.GIFT_ID.isNotNull())).onCommitDrop().execute();
    }

    /**
     * Applies the staged results to the batch's charges in one {@code UPDATE … FROM}: code {@code debited} collects,
     * any other fails with its reason; every charge keeps the bank's code.
     */
    static int applyResults(TenantScope scope, UUID batchId, short debited, Map<Short, String> reasons) {
        var c = CHARGES;
        var r = DebitBatchRepository.STAGED;
        CaseWhenStep<Short, String> failure = null;
        for (var e : reasons.entrySet()) {
            failure = failure == null ? DSL.choose(r.CODE).when(DSL.inline(e.getKey()), DSL.inline(e.getValue()))
                : failure.when(DSL.inline(e.getKey()), DSL.inline(e.getValue()));
        }
        Field<String> status = DSL.when(r.CODE.eq(DSL.inline(debited)), DSL.inline(ChargeStatus.COLLECTED.code()))
            .otherwise(DSL.inline(ChargeStatus.FAILED.code()));
        return scope.update(c).set(c.STATUS, status).set(c.RESULT_CODE, r.CODE).set(c.FAILURE, failure).from(r)
            .where(c.BATCH_ID.eq(batchId), r.TENANT_ID.eq(c.TENANT_ID), r.BATCH_ID.eq(batchId), r.CUSTOMER_NUMBER.eq(c.CUSTOMER_NUMBER));
    }
}
