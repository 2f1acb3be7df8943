package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.members.organizations.Organizations;
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
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Versioned;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;


/**
 * Money received: one-off donations entered by staff (cash, bank transfer) and collected charges.
 * Each is a donation or a fee; only donations are receipted.
 */
@Singleton
public class Donations {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final People people;
    private final Clock clock;

    Donations(TenantTransactions tx, AuditTrail audit, People people, AccessPolicy policy, Clock clock) {
        this.clock = clock;
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.people = people;
    }

/** The donor is a person ({@code personId}) or an organisation ({@code organizationId}, a co-op's or a company's gift), never both. */
    @Serdeable
    public record DonationRequest(@Nullable String personId, @Nullable Long amount, @Nullable String receivedOn, @Nullable String method,
                                  @Nullable String kind, @Nullable String purpose, @Nullable String note, @Nullable String organizationId) {
        /** A person's donation. */
        public DonationRequest(String personId, Long amount, String receivedOn, String method, String kind, String purpose, String note) {
            this(personId, amount, receivedOn, method, kind, purpose, note, null);
        }
    }

    /**
     * {@code receiptStatus}: not_issued, issued, or not_applicable (fees, counter-entries, what they reversed).
     * {@code state}: active, cancelled, corrected (reversed by a counter-entry, and replaced by {@code correctedBy}), or
     * counter_entry (it reverses {@code reversesId}; its {@code amount} is negative, so a list's sum nets out).
     * The donor is {@code personId} or {@code organizationId}.
     * {@code correctsId} names the donation a corrected entry replaces; {@code reason} is what staff gave.
     */
    @Serdeable
    public record DonationView(UUID id, UUID personId, String donorName, String kind, long amount, String receivedOn, String method,
                               String purpose, UUID chargeId, UUID receiptId, String receiptStatus, String note, String state,
                               UUID reversesId, UUID correctsId, UUID reversedBy, UUID correctedBy, String reason, long version,
                               UUID organizationId)
        implements Versioned {
    }

    @Serdeable
    public record CancellationRequest(@Nullable String reason) {
    }

    /** A correction: the values the corrected entry takes (a value left out keeps the donation's), and the reason. */
    @Serdeable
    public record CorrectionRequest(@Nullable Long amount, @Nullable String receivedOn, @Nullable String method, @Nullable String purpose,
                                    @Nullable String reason) {
    }

    /** A cancellation or correction: the counter-entry, and for a correction the corrected entry. */
    @Serdeable
    public record Reversal(DonationView original, DonationView counterEntry, DonationView corrected) {
    }

    public Outcome<DonationView> create(Actor actor, DonationRequest r) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        f.texts("purpose", r.purpose(), "note", r.note());
        Optional<UUID> person = Optional.ofNullable(r.personId()).flatMap(Ids::parse).filter(id -> people.get(actor, id).isOk());
        Optional<UUID> organization = Optional.ofNullable(r.organizationId()).flatMap(Ids::parse)
            .filter(id -> tx.read(actor, scope -> Organizations.exists(scope, id)));
        if (r.personId() != null && r.organizationId() != null) {
            errors.add(FieldError.of("personId", "one_member"));
        } else if (r.organizationId() != null) {
            if (organization.isEmpty()) {
                errors.add(FieldError.of("organizationId", "not_found"));
            }
        } else if (person.isEmpty()) {
            errors.add(FieldError.of("personId", r.personId() == null ? "required" : "not_found"));
        }
        f.yen("amount", r.amount(), 1, 1_000_000_000L, "amount");
        // Money is recorded once received: never on a day still to come (Tokyo).
        LocalDate received = f.date("receivedOn", r.receivedOn(), true, GivingRules.today(clock));
        if (r.method() == null || !List.of("cash", "bank_transfer").contains(r.method())) {
            errors.add(FieldError.of("method", "choice"));
        }
        String kind = r.kind() == null ? "donation" : r.kind();
        if (!List.of("donation", "fee").contains(kind)) {
            errors.add(FieldError.of("kind", "choice"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        String note = r.note() == null || r.note().isBlank() ? null : java.text.Normalizer.normalize(r.note().strip(), java.text.Normalizer.Form.NFC);
        return tx.write(actor, scope -> {
            UUID id = Ids.newId();
            DonationRepository.insert(scope, id, new DonationRepository.Values(person.orElse(null), organization.orElse(null), kind, r.amount(),
                received, r.method(),
                JapaneseText.clean(r.purpose()), note));
            audit.record(scope, "donation.create", "donation", id, Result.SUCCESS);
            return Outcome.ok(DonationRepository.find(scope, id).orElseThrow());
        });
    }

    public Outcome<DonationView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> DonationRepository.find(scope, id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** Newest first; optionally one donor's, one kind, or one calendar year. */
    public Outcome<Page<DonationView>> list(Actor actor, @Nullable UUID personId, @Nullable String kind, @Nullable Integer year,
                                            PageRequest page) {
        return list(actor, personId, null, kind, year, page);
    }

    /** Newest first; optionally one person's or one organisation's, one kind, or one calendar year. */
    public Outcome<Page<DonationView>> list(Actor actor, @Nullable UUID personId, @Nullable UUID organizationId, @Nullable String kind,
                                            @Nullable Integer year, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        var filter = new DonationRepository.Filter(personId, organizationId, kind, year);
        return tx.read(actor, scope -> Outcome.ok(Page.of(DonationRepository.page(scope, filter, page), DonationRepository.count(scope, filter),
            page)));
    }

    /**
     * Cancels a donation at {@code version} with a counter-entry that reverses it; the donation itself is never edited
     * or deleted. Refused: a counter-entry ({@code donation}: {@code counter_entry}), one already cancelled or corrected
     * (409, {@code already_reversed}), one on an issued receipt ({@code receipted}: the donor holds a receipt for it, which
     * stays as issued; such a donation is not changed here), a stale version (409 version_conflict); {@code reason} required.
     */
    public Outcome<Reversal> cancel(Actor actor, UUID id, long version, CancellationRequest r) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        String reason = reason(Fields.into(errors), r == null ? null : r.reason(), errors);
        return tx.write(actor, scope -> {
            Optional<DonationView> found = DonationRepository.find(scope, id);
            if (found.isEmpty()) {
                return Outcome.<Reversal>rejected(ErrorCode.NOT_FOUND);
            }
            if (reversible(scope, found.get()) instanceof Outcome.Rejected<Void> no) {
                return no.<Reversal>cast();
            }
            if (!errors.isEmpty()) {
                return Outcome.<Reversal>invalid(errors);
            }
            if (DonationRepository.touch(scope, id, version) == 0) {
                return Outcome.<Reversal>rejected(ErrorCode.VERSION_CONFLICT);
            }
            UUID counter = Ids.newId();
            DonationRepository.insertCounterEntry(scope, counter, id, reason);
            audit.record(scope, "donation.cancel", "donation", id, Result.SUCCESS);
            return Outcome.ok(new Reversal(DonationRepository.find(scope, id).orElseThrow(), DonationRepository.find(scope, counter).orElseThrow(),
                null));
        });
    }

    /**
     * Corrects a donation at {@code version}: a counter-entry reverses it and a new entry records the corrected amount,
     * date, method or purpose (those left out keep the donation's), naming the one it corrects; at least one must differ
     * ({@code donation}: {@code unchanged}). Refused as {@link #cancel} is.
     */
    public Outcome<Reversal> correct(Actor actor, UUID id, long version, CorrectionRequest r) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        f.texts("purpose", r.purpose());
        String reason = reason(f, r.reason(), errors);
        if (r.amount() != null) {
            f.yen("amount", r.amount(), 1, 1_000_000_000L, "amount");
        }
        LocalDate received = r.receivedOn() == null ? null : f.date("receivedOn", r.receivedOn(), true, GivingRules.today(clock));
        if (r.method() != null && !METHODS.contains(r.method())) {
            errors.add(FieldError.of("method", "choice"));
        }
        return tx.write(actor, scope -> {
            Optional<DonationView> found = DonationRepository.find(scope, id);
            if (found.isEmpty()) {
                return Outcome.<Reversal>rejected(ErrorCode.NOT_FOUND);
            }
            DonationView was = found.get();
            if (reversible(scope, was) instanceof Outcome.Rejected<Void> no) {
                return no.<Reversal>cast();
            }
            if (!errors.isEmpty()) {
                return Outcome.<Reversal>invalid(errors);
            }
            long amount = r.amount() == null ? was.amount() : r.amount();
            LocalDate on = received == null ? LocalDate.parse(was.receivedOn()) : received;
            String method = r.method() == null ? was.method() : r.method();
            String purpose = r.purpose() == null ? was.purpose() : JapaneseText.clean(r.purpose());
            if (amount == was.amount() && on.toString().equals(was.receivedOn()) && method.equals(was.method())
                && java.util.Objects.equals(purpose, was.purpose())) {
                return Outcome.<Reversal>invalid(List.of(FieldError.of("donation", "unchanged")));
            }
            if (DonationRepository.touch(scope, id, version) == 0) {
                return Outcome.<Reversal>rejected(ErrorCode.VERSION_CONFLICT);
            }
            UUID counter = Ids.newId();
            UUID corrected = Ids.newId();
            DonationRepository.insertCounterEntry(scope, counter, id, reason);
            DonationRepository.insertCorrection(scope, corrected, id, amount, on, method, purpose, reason);
            audit.record(scope, "donation.correct", "donation", id, Result.SUCCESS);
            audit.record(scope, "donation.create", "donation", corrected, Result.SUCCESS);
            return Outcome.ok(new Reversal(DonationRepository.find(scope, id).orElseThrow(), DonationRepository.find(scope, counter).orElseThrow(),
                DonationRepository.find(scope, corrected).orElseThrow()));
        });
    }

    private static final List<String> METHODS = List.of("cash", "bank_transfer", "direct_debit", "card");

    private static String reason(Fields f, String raw, List<FieldError> errors) {
        int before = errors.size();
        String reason = f.text("reason", raw, 500);
        if (reason == null && errors.size() == before) {
            errors.add(FieldError.of("reason", "required"));
        }
        return reason;
    }

    /** Whether a donation may be cancelled or corrected (the rules of {@link #cancel}). */
    private static Outcome<Void> reversible(TenantScope scope, DonationView d) {
        if ("counter_entry".equals(d.state())) {
            return Outcome.invalid(List.of(FieldError.of("donation", "counter_entry")));
        }
        if (!"active".equals(d.state())) {
            return new Outcome.Rejected<>(ErrorCode.DUPLICATE, List.of(FieldError.of("donation", "already_reversed")));
        }
        if (d.receiptId() != null) {
            String number = ReceiptRepository.find(scope, d.receiptId()).map(Receipts.ReceiptView::receiptNumber).orElse("");
            return new Outcome.Rejected<>(ErrorCode.IN_USE, List.of(FieldError.of("donation", "receipted", number)));
        }
        return Outcome.ok(null);
    }

    /** A collected charge becomes money received, once (the unique charge_id makes a repeat a no-op). */
    static void fromCharge(TenantScope scope, UUID chargeId, LocalDate receivedOn) {
        DonationRepository.fromCharge(scope, chargeId, receivedOn);
    }

    /** Every collected charge of a direct-debit batch, in one statement. */
    static void fromBatch(TenantScope scope, UUID batchId, LocalDate receivedOn) {
        DonationRepository.fromBatch(scope, batchId, receivedOn);
    }
}
