package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.persistence.Counters;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Versioned;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.tomoni.platform.giving.GivingTables.DETAIL;
import static org.tomoni.platform.giving.GivingTables.EVENTS;
import static org.tomoni.platform.giving.GivingTables.GIFTS;
import static org.tomoni.platform.giving.GivingTables.GIFT_ID;
import static org.tomoni.platform.giving.GivingTables.GIFT_NUMBER;
import static org.tomoni.platform.giving.GivingTables.KIND;
import static org.tomoni.platform.giving.GivingTables.OCCURRED_AT;
import static org.tomoni.platform.giving.GivingTables.PAYMENT_METHOD;
import static org.tomoni.platform.giving.GivingTables.PERSON_ID;
import static org.tomoni.platform.giving.GivingTables.PLAN_ID;
import static org.tomoni.platform.giving.GivingTables.START_MONTH;
import static org.tomoni.platform.giving.GivingTables.STATUS;
import static org.tomoni.platform.giving.GivingTables.STATUS_REASON;
import static org.tomoni.platform.giving.GivingTables.UNITS;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/**
 * Recurring gifts entered by staff: donor, plan, units, payment method, start month, status with
 * the history of every change and who made it. Pause skips months without charging.
 */
@Singleton
public class RecurringGifts {
    private final AccessPolicy policy;
    private static final Set<String> METHODS = Set.of("direct_debit", "card", "bank_transfer", "cash");
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final People people;

    RecurringGifts(TenantTransactions tx, AuditTrail audit, Clock clock, People people, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.people = people;
    }

    @Serdeable
    public record GiftRequest(@Nullable String personId, @Nullable String planId, @Nullable Integer units, @Nullable String paymentMethod,
                              @Nullable String startMonth) {
    }

    @Serdeable
    public record GiftView(UUID id, long giftNumber, UUID personId, String donorName, UUID planId, String planName, int units,
                           long monthlyAmount, String paymentMethod, BankAccount bankAccount, String startMonth, String status,
                           String statusReason, String source, long version,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           List<Event> history) implements Versioned {
    }

    /** The donor's account as staff see it: the number masked, never decrypted for display. */
    @Serdeable
    public record BankAccount(String bankCode, String branchCode, int accountType, String accountNumberMasked, String accountHolderKana) {
    }

    /** A gift to insert, from staff or from the public page; {@code account} is null unless the method is direct debit. */
    record NewGift(UUID personId, GiftPlans.PlanView plan, int units, String method, YearMonth start, Payments.DebitAccount account,
                   String cardCustomer, String source) {
    }

    @Serdeable
    public record Event(String occurredAt, String kind, String detail, String by) {
    }

    public Outcome<GiftView> create(Actor actor, GiftRequest r) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<UUID> person = Optional.ofNullable(r.personId()).flatMap(Ids::parse).filter(id -> people.get(actor, id).isOk());
        if (person.isEmpty()) {
            errors.add(FieldError.of("personId", r.personId() == null ? "required" : "not_found"));
        }
        YearMonth start = Fields.into(errors).month("startMonth", r.startMonth(), true);
        int units = r.units() == null ? 1 : r.units();
        if (units < 1 || units > 10_000) {
            errors.add(FieldError.of("units", "number"));
        }
        if (r.paymentMethod() == null || !METHODS.contains(r.paymentMethod())) {
            errors.add(FieldError.of("paymentMethod", "choice"));
        }
        return tx.write(actor.tenantId(), dsl -> {
            Optional<GiftPlans.PlanView> plan = Optional.ofNullable(r.planId()).flatMap(Ids::parse)
                .flatMap(id -> GiftPlans.find(dsl, actor.tenantId(), id));
            if (plan.isEmpty()) {
                errors.add(FieldError.of("planId", r.planId() == null ? "required" : "not_found"));
            }
            if (!errors.isEmpty()) {
                return Outcome.<GiftView>invalid(errors);
            }
            UUID id = insert(dsl, actor, new NewGift(person.get(), plan.get(), units, r.paymentMethod(), start, null, null, "staff"));
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        });
    }

    /** Inserts the gift with its gift number and first history line, inside the caller's transaction. */
    UUID insert(DSLContext dsl, Actor actor, NewGift g) {
        var now = Columns.now(clock);
        UUID id = Ids.newId();
        long number = Counters.next(dsl, actor.tenantId(), "gift_number", now, actor.auditName());
        var insert = dsl.insertInto(GIFTS).set(TENANT_ID, actor.tenantId()).set(ID, id).set(GIFT_NUMBER, number).set(PERSON_ID, g.personId())
            .set(PLAN_ID, g.plan().id()).set(UNITS, g.units()).set(PAYMENT_METHOD, g.method()).set(START_MONTH, g.start().atDay(1))
            .set(STATUS, GiftStatus.ACTIVE.code()).set(GivingTables.SOURCE, g.source()).set(GivingTables.CARD_CUSTOMER, g.cardCustomer())
            .set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName());
        if (g.account() != null) {
            insert = insert.set(GivingTables.BANK_CODE, g.account().bankCode()).set(GivingTables.BRANCH_CODE, g.account().branchCode())
                .set(GivingTables.ACCOUNT_TYPE, (short) g.account().accountType())
                .set(GivingTables.ACCOUNT_NUMBER_ENC, g.account().sealedNumber()).set(GivingTables.ACCOUNT_NUMBER_MASK, g.account().maskedNumber())
                .set(GivingTables.ACCOUNT_HOLDER_KANA, g.account().holderKana());
        }
        insert.execute();
        event(dsl, actor, id, "created", g.plan().name() + " × " + g.units());
        audit.record(dsl, actor, "recurring_gift.create", "recurring_gift", id, Result.SUCCESS);
        return id;
    }

    /** Changes the number of units from the next charge on; kept in the history. */
    public Outcome<GiftView> changeUnits(Actor actor, UUID id, Integer units) {
        // Staff who write gifts, or the donor's link on this one gift.
        if (policy.checkOn(actor, id, Capability.GIVING_WRITE, Capability.DONOR_GIFT_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        if (units == null || units < 1 || units > 10_000) {
            return Outcome.invalid(List.of(FieldError.of("units", units == null ? "required" : "number")));
        }
        return tx.write(actor.tenantId(), dsl -> {
            Optional<GiftView> gift = find(dsl, actor.tenantId(), id);
            if (gift.isEmpty()) {
                return Outcome.<GiftView>rejected(ErrorCode.NOT_FOUND);
            }
            if (!GiftStatus.fromCode(gift.get().status()).isOpen()) {
                return Outcome.<GiftView>invalid(List.of(FieldError.of("status", "transition")));
            }
            dsl.update(GIFTS).set(UNITS, units).set(UPDATED_AT, Columns.now(clock)).set(UPDATED_BY, actor.auditName())
                .set(VERSION, VERSION.plus(1)).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id)).execute();
            event(dsl, actor, id, "units", gift.get().units() + " → " + units);
            audit.record(dsl, actor, "recurring_gift.units", "recurring_gift", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        });
    }

    /** Inside the caller's transaction: a gift as the donor or staff see it. */
    Optional<GiftView> find(DSLContext dsl, UUID tenantId, UUID id, boolean withHistory) {
        return withHistory ? find(dsl, tenantId, id) : joined(dsl, tenantId).where(q(TENANT_ID).eq(tenantId), q(ID).eq(id))
            .fetchOptional(r -> view(r, null));
    }

    public Outcome<GiftView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> find(dsl, actor.tenantId(), id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** pause, resume or cancel; each change is kept in the gift's history. */
    public Outcome<GiftView> change(Actor actor, UUID id, String action) {
        // Staff who write gifts, or the donor's link on this one gift.
        if (policy.checkOn(actor, id, Capability.GIVING_WRITE, Capability.DONOR_GIFT_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.write(actor.tenantId(), dsl -> {
            Optional<GiftView> gift = find(dsl, actor.tenantId(), id);
            if (gift.isEmpty()) {
                return Outcome.<GiftView>rejected(ErrorCode.NOT_FOUND);
            }
            GiftStatus from = GiftStatus.fromCode(gift.get().status());
            Optional<GiftStatus> next = GiftStatus.Action.of(action).flatMap(a -> a.from(from));
            if (next.isEmpty()) {
                return Outcome.<GiftView>invalid(List.of(FieldError.of("status", "transition")));
            }
            GiftStatus to = next.get();
            dsl.update(GIFTS).set(STATUS, to.code()).set(STATUS_REASON, (String) null).set(UPDATED_AT, Columns.now(clock))
                .set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1)).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id)).execute();
            event(dsl, actor, id, action, from.code() + " → " + to.code());
            audit.record(dsl, actor, "recurring_gift." + action, "recurring_gift", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        });
    }

    public Outcome<Page<GiftView>> list(Actor actor, String status, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> {
            var c = TENANT_ID.eq(actor.tenantId()).and(status == null ? org.jooq.impl.DSL.noCondition() : STATUS.eq(status));
            List<GiftView> items = joined(dsl, actor.tenantId())
                .where(q(TENANT_ID).eq(actor.tenantId()), status == null ? org.jooq.impl.DSL.noCondition() : q(STATUS).eq(status))
                .orderBy(q(GIFT_NUMBER)).limit(page.size()).offset(page.offset()).fetch(r -> view(r, null));
            return Outcome.ok(Page.of(items, dsl.fetchCount(GIFTS, c), page));
        });
    }

    Optional<GiftView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return joined(dsl, tenantId).where(q(TENANT_ID).eq(tenantId), q(ID).eq(id))
            .fetchOptional(r -> view(r, history(dsl, tenantId, id)));
    }

    /** Gifts with their plan's unit amount, in one query; list views leave the history out. */
    private static org.jooq.SelectOnConditionStep<Record> joined(DSLContext dsl, UUID tenantId) {
        var plans = GivingTables.PLANS;
        List<org.jooq.SelectFieldOrAsterisk> fields = new ArrayList<>();
        for (var f : List.<org.jooq.Field<?>>of(ID, GIFT_NUMBER, PERSON_ID, PLAN_ID, UNITS, PAYMENT_METHOD, START_MONTH, STATUS, STATUS_REASON,
            VERSION, GivingTables.BANK_CODE, GivingTables.BRANCH_CODE, GivingTables.ACCOUNT_TYPE, GivingTables.ACCOUNT_NUMBER_MASK,
            GivingTables.ACCOUNT_HOLDER_KANA, GivingTables.SOURCE)) {
            fields.add(q(f));
        }
        fields.add(Columns.qualified(plans, GivingTables.UNIT_AMOUNT));
        fields.add(Columns.qualified(plans, GivingTables.NAME));
        var people = GivingTables.PEOPLE;
        fields.add(Columns.qualified(people, GivingTables.FAMILY_NAME));
        fields.add(Columns.qualified(people, GivingTables.GIVEN_NAME));
        fields.add(Columns.qualified(people, GivingTables.SENSITIVE));
        return dsl.select(fields).from(GIFTS).join(plans)
            .on(Columns.qualified(plans, TENANT_ID).eq(tenantId), Columns.qualified(plans, ID).eq(q(PLAN_ID)))
            .join(people).on(Columns.qualified(people, TENANT_ID).eq(tenantId), Columns.qualified(people, ID).eq(q(PERSON_ID)));
    }

    private static <T> org.jooq.Field<T> q(org.jooq.Field<T> field) {
        return Columns.qualified(GIFTS, field);
    }

    private static GiftView view(Record r, List<Event> history) {
        int units = r.get(q(UNITS));
        long unit = r.get(Columns.qualified(GivingTables.PLANS, GivingTables.UNIT_AMOUNT));
        BankAccount account = r.get(q(GivingTables.BANK_CODE)) == null ? null : new BankAccount(r.get(q(GivingTables.BANK_CODE)),
            r.get(q(GivingTables.BRANCH_CODE)), r.get(q(GivingTables.ACCOUNT_TYPE)), r.get(q(GivingTables.ACCOUNT_NUMBER_MASK)),
            r.get(q(GivingTables.ACCOUNT_HOLDER_KANA)));
        return new GiftView(r.get(q(ID)), r.get(q(GIFT_NUMBER)), r.get(q(PERSON_ID)), donorName(r), r.get(q(PLAN_ID)),
            r.get(Columns.qualified(GivingTables.PLANS, GivingTables.NAME)), units, unit * units, r.get(q(PAYMENT_METHOD)), account,
            YearMonth.from(r.get(q(START_MONTH))).toString(), r.get(q(STATUS)), r.get(q(STATUS_REASON)), r.get(q(GivingTables.SOURCE)),
            r.get(q(VERSION)), history);
    }

    /** Sensitive people stay hidden behind a placeholder; their gifts still count. */
    private static String donorName(Record r) {
        var people = GivingTables.PEOPLE;
        if (Boolean.TRUE.equals(r.get(Columns.qualified(people, GivingTables.SENSITIVE)))) {
            return "＊＊＊";
        }
        return r.get(Columns.qualified(people, GivingTables.FAMILY_NAME)) + " " + r.get(Columns.qualified(people, GivingTables.GIVEN_NAME));
    }

    private static List<Event> history(DSLContext dsl, UUID tenantId, UUID giftId) {
        return dsl.select(OCCURRED_AT, KIND, DETAIL, CREATED_BY).from(EVENTS).where(TENANT_ID.eq(tenantId), GIFT_ID.eq(giftId))
            .orderBy(OCCURRED_AT, ID).fetch(e -> new Event(e.value1().toString(), e.value2(), e.value3(), e.value4()));
    }

    void event(DSLContext dsl, Actor actor, UUID giftId, String kind, String detail) {
        var now = Columns.now(clock);
        dsl.insertInto(EVENTS).set(TENANT_ID, actor.tenantId()).set(ID, Ids.newId()).set(GIFT_ID, giftId).set(OCCURRED_AT, now)
            .set(KIND, kind).set(DETAIL, detail).set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now)
            .set(UPDATED_BY, actor.auditName()).execute();
    }
}
