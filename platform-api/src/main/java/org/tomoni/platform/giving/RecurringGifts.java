package org.tomoni.platform.giving;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Versioned;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
    private final People people;

    RecurringGifts(TenantTransactions tx, AuditTrail audit, People people, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
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
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> history) implements Versioned {
    }

    /** The donor's account as staff see it: the number masked, never decrypted for display. */
    @Serdeable
    public record BankAccount(String bankCode, String branchCode, int accountType, String accountNumberMasked, String accountHolderKana) {
    }

    /** A gift to insert, from staff or from the public page; {@code account} is null unless the method is direct debit. */
    record NewGift(UUID personId, GiftPlans.PlanView plan, int units, String method, YearMonth start, Payments.DebitAccount account,
                   String cardCustomer, String source) {
    }

    /**
     * A line of the gift's history: {@code kind} a {@link GiftEventKind} code, {@code before} and {@code after} the fields
     * the change touched (absent when there is nothing to say, e.g. before a gift was created), {@code by} who made it.
     */
    @Serdeable
    public record Event(String occurredAt, String kind, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable GiftChange before,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable GiftChange after, String by) {
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
        return tx.write(actor, scope -> {
            Optional<GiftPlans.PlanView> plan = Optional.ofNullable(r.planId()).flatMap(Ids::parse).flatMap(id -> GiftPlans.find(scope, id));
            if (plan.isEmpty()) {
                errors.add(FieldError.of("planId", r.planId() == null ? "required" : "not_found"));
            }
            if (!errors.isEmpty()) {
                return Outcome.<GiftView>invalid(errors);
            }
            UUID id = insert(scope, new NewGift(person.get(), plan.get(), units, r.paymentMethod(), start, null, null, "staff"));
            return Outcome.ok(RecurringGiftRepository.find(scope, id, true).orElseThrow());
        });
    }

    /** Inserts the gift with its gift number and first history line, inside the caller's transaction. */
    UUID insert(TenantScope scope, NewGift g) {
        UUID id = Ids.newId();
        RecurringGiftRepository.insert(scope, id, g);
        RecurringGiftRepository.event(scope, id, GiftEventKind.CREATED, null, GiftChange.created(g.plan().name(), g.units(), g.method()));
        audit.record(scope, "recurring_gift.create", "recurring_gift", id, Result.SUCCESS);
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
        return tx.write(actor, scope -> {
            Optional<GiftView> gift = RecurringGiftRepository.find(scope, id, false);
            if (gift.isEmpty()) {
                return Outcome.<GiftView>rejected(ErrorCode.NOT_FOUND);
            }
            if (!GiftStatus.fromCode(gift.get().status()).isOpen()) {
                return Outcome.<GiftView>invalid(List.of(FieldError.of("status", "transition")));
            }
            RecurringGiftRepository.setUnits(scope, id, units);
            RecurringGiftRepository.event(scope, id, GiftEventKind.UNITS, GiftChange.units(gift.get().units()), GiftChange.units(units));
            audit.record(scope, "recurring_gift.units", "recurring_gift", id, Result.SUCCESS);
            return Outcome.ok(RecurringGiftRepository.find(scope, id, true).orElseThrow());
        });
    }

    /** Inside the caller's transaction: a gift as the donor or staff see it. */
    Optional<GiftView> find(TenantScope scope, UUID id, boolean withHistory) {
        return RecurringGiftRepository.find(scope, id, withHistory);
    }

    public Outcome<GiftView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> RecurringGiftRepository.find(scope, id, true).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** pause, resume or cancel; each change is kept in the gift's history. */
    public Outcome<GiftView> change(Actor actor, UUID id, String action) {
        // Staff who write gifts, or the donor's link on this one gift.
        if (policy.checkOn(actor, id, Capability.GIVING_WRITE, Capability.DONOR_GIFT_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        Optional<GiftStatus.Action> asked = GiftStatus.Action.of(action);
        return tx.write(actor, scope -> {
            Optional<GiftView> gift = RecurringGiftRepository.find(scope, id, false);
            if (gift.isEmpty()) {
                return Outcome.<GiftView>rejected(ErrorCode.NOT_FOUND);
            }
            GiftStatus from = GiftStatus.fromCode(gift.get().status());
            Optional<GiftStatus> next = asked.flatMap(a -> a.from(from));
            if (next.isEmpty() || RecurringGiftRepository.setStatus(scope, id, from, next.get(), null) == 0) {
                return Outcome.<GiftView>invalid(List.of(FieldError.of("status", "transition")));
            }
            RecurringGiftRepository.event(scope, id, GiftEventKind.of(asked.get()), GiftChange.status(from), GiftChange.status(next.get()));
            audit.record(scope, "recurring_gift." + asked.get().code(), "recurring_gift", id, Result.SUCCESS);
            return Outcome.ok(RecurringGiftRepository.find(scope, id, true).orElseThrow());
        });
    }

    public Outcome<Page<GiftView>> list(Actor actor, String status, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        // An unknown status filter lists nothing, as before: no gift has it.
        Optional<GiftStatus> filter = status == null ? Optional.empty() : GiftStatus.of(status);
        if (status != null && filter.isEmpty()) {
            return Outcome.ok(Page.of(List.of(), 0, page));
        }
        return tx.read(actor, scope -> Outcome.ok(Page.of(RecurringGiftRepository.page(scope, filter.orElse(null), page),
            RecurringGiftRepository.count(scope, filter.orElse(null)), page)));
    }
}
