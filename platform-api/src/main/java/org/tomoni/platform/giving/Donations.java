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

    /** {@code receiptStatus}: not_issued, issued, or not_applicable (fees). The donor is {@code personId} or {@code organizationId}. */
    @Serdeable
    public record DonationView(UUID id, UUID personId, String donorName, String kind, long amount, String receivedOn, String method,
                               String purpose, UUID chargeId, UUID receiptId, String receiptStatus, String note, UUID organizationId) {
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

    /** A collected charge becomes money received, once (the unique charge_id makes a repeat a no-op). */
    static void fromCharge(TenantScope scope, UUID chargeId, LocalDate receivedOn) {
        DonationRepository.fromCharge(scope, chargeId, receivedOn);
    }

    /** Every collected charge of a direct-debit batch, in one statement. */
    static void fromBatch(TenantScope scope, UUID batchId, LocalDate receivedOn) {
        DonationRepository.fromBatch(scope, batchId, receivedOn);
    }
}
