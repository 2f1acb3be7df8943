package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PublicFormThrottle;
import org.tomoni.platform.shared.SecretBox;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The public side of giving, without a login: a tenant's published plans, and sign-up for a gift
 * with the donor's details and bank account (or card). Sign-ups are idempotent by the client's
 * key and throttled per client address; the donor receives a confirmation with a signed link.
 */
@Singleton
public class PublicGiving {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String SCOPE = "public-signup";
    private final TenantRegistry tenants;
    private final TenantTransactions tx;
    private final People people;
    private final RecurringGifts gifts;
    private final SecretBox secrets;
    private final CardGateway cards;
    private final DonorLinks links;
    private final GiftNotices notices;
    private final JsonMapper json;
    private final Clock clock;
    private final PublicFormThrottle throttle;

    PublicGiving(TenantRegistry tenants, TenantTransactions tx, People people, RecurringGifts gifts, SecretBox secrets, CardGateway cards,
                 DonorLinks links, GiftNotices notices, JsonMapper json, Clock clock, PublicFormThrottle throttle) {
        this.tenants = tenants;
        this.tx = tx;
        this.people = people;
        this.gifts = gifts;
        this.secrets = secrets;
        this.cards = cards;
        this.links = links;
        this.notices = notices;
        this.json = json;
        this.clock = clock;
        this.throttle = throttle;
    }

    @Serdeable
    public record PublicPlan(UUID id, String name, long unitAmount, String interval, String purpose) {
    }

    @Serdeable
    public record PublicPlans(String organization, List<PublicPlan> items) {
    }

    @Serdeable
    public record DonorRequest(@Nullable String familyName, @Nullable String givenName, @Nullable String familyNameKana,
                               @Nullable String givenNameKana, @Nullable String email, @Nullable String phone, @Nullable String postalCode,
                               @Nullable String prefecture, @Nullable String city, @Nullable String addressLine1,
                               @Nullable String addressLine2) {
    }

    @Serdeable
    public record SignupRequest(@Nullable String planId, @Nullable Integer units, @Nullable DonorRequest donor,
                                @Nullable Payments.PaymentRequest payment) {
    }

    @Serdeable
    public record SignupResponse(UUID id, long giftNumber, String status, String planName, int units, long monthlyAmount,
                                 String interval, String paymentMethod, String startMonth) {
    }

    /** Raised when the client is over its sign-up limit: how long to wait. */
    public record Throttled(Duration retryAfter) {
    }

    public Outcome<PublicPlans> plans(String tenantSlug) {
        return givingTenant(tenantSlug).<Outcome<PublicPlans>>map(t -> tx.read(NarrowActors.publicSignup(t), scope -> Outcome.ok(new PublicPlans(t.nameJa(),
                GiftPlans.published(scope).stream()
                    .map(p -> new PublicPlan(p.id(), p.name(), p.unitAmount(), p.interval(), p.purpose())).toList()))))
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND));
    }

    /**
     * Counts a sign-up against the public-form limits (per client address, per tenant, per
     * e-mail address). Empty when the client may go on; otherwise how long it must wait.
     */
    public Optional<Duration> throttled(String tenantSlug, String clientAddress, SignupRequest request) {
        String email = request == null || request.donor() == null ? null : request.donor().email();
        return throttle.acquire(tenantSlug, clientAddress, email);
    }

    public Outcome<SignupResponse> signUp(String tenantSlug, String idempotencyKey, SignupRequest request) {
        Optional<Tenant> tenant = givingTenant(tenantSlug);
        if (tenant.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        if (!Idempotency.validKey(idempotencyKey)) {
            return Outcome.invalid(List.of(FieldError.of("Idempotency-Key", "required")));
        }
        SignupRequest r = request == null ? new SignupRequest(null, null, null, null) : request;
        String hash = Idempotency.hash(canonical(r));
        Payments.Checked payment = Payments.check(r.payment(), secrets);
        Tenant t = tenant.get();
        Actor actor = NarrowActors.publicSignup(t);
        return tx.write(actor, scope -> {
            Idempotency.Claim claim = Idempotency.claim(scope, SCOPE, idempotencyKey, hash);
            if (claim instanceof Idempotency.Replay replay) {
                return Outcome.ok(read(replay.response()));
            }
            if (claim instanceof Idempotency.Mismatch) {
                return Outcome.<SignupResponse>rejected(ErrorCode.IDEMPOTENCY_MISMATCH);
            }
            Checked checked = checkFields(scope, r, payment);
            List<FieldError> errors = new ArrayList<>(checked.errors());
            Optional<GiftPlans.PlanView> plan = checked.plan();
            int units = checked.units();
            DonorRequest d = checked.donor();
            Outcome<PersonView> person = people.create(actor, person(d));
            if (person instanceof Outcome.Rejected<PersonView> rejected) {
                rejected.errors().forEach(e -> errors.add(new FieldError("donor." + e.field(), e.code(), e.message())));
            }
            if (!errors.isEmpty()) {
                return Outcome.<SignupResponse>invalid(errors);
            }
            String cardCustomer = null;
            if ("card".equals(payment.method())) {
                CardGateway.Result customer = cards.createCustomer(payment.cardToken(), d.email(), t.slug());
                if (!customer.ok()) {
                    return Outcome.<SignupResponse>invalid(List.of(FieldError.of("payment.cardToken", "card_declined")));
                }
                cardCustomer = customer.id();
            }
            YearMonth start = YearMonth.now(clock.withZone(TOKYO)).plusMonths(1);
            PersonView donor = person.orThrow();
            UUID id = gifts.insert(scope, new RecurringGifts.NewGift(donor.id(), plan.get(), units, payment.method(), start,
                payment.account(), cardCustomer, "public"));
            var view = gifts.find(scope, id, false).orElseThrow();
            SignupResponse response = new SignupResponse(id, view.giftNumber(), view.status(), view.planName(), view.units(),
                view.monthlyAmount(), plan.get().interval(), view.paymentMethod(), view.startMonth());
            Idempotency.complete(scope, SCOPE, idempotencyKey, 201, write(response));
            // Queued in this transaction: the confirmation leaves only if the gift is saved, and is not lost if the node dies.
            notices.signedUp(scope, new GiftNotices.About(t.nameJa(), donor.familyName() + " " + donor.givenName(),
                donor.email(), view.giftNumber(), view.planName(), view.units(), view.monthlyAmount(), plan.get().interval(),
                view.paymentMethod(), links.url(t.id(), id)));
            return Outcome.ok(response);
        });
    }

    /**
     * The sign-up as it would be stored (the donor's readings in katakana, the account holder in half-width kana, …), or
     * every field error, without writing anything: the public page validates before its confirmation step, and shows
     * there what will be saved.
     */
    public Outcome<SignupRequest> check(String tenantSlug, SignupRequest request) {
        Optional<Tenant> tenant = givingTenant(tenantSlug);
        if (tenant.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        SignupRequest r = request == null ? new SignupRequest(null, null, null, null) : request;
        Payments.Checked payment = Payments.check(r.payment(), secrets);
        return tx.read(NarrowActors.publicSignup(tenant.get()), scope -> {
            Checked checked = checkFields(scope, r, payment);
            List<FieldError> errors = new ArrayList<>(checked.errors());
            Outcome<PersonRequest> person = people.checked(person(checked.donor()));
            if (person instanceof Outcome.Rejected<PersonRequest> rejected) {
                rejected.errors().forEach(e -> errors.add(new FieldError("donor." + e.field(), e.code(), e.message())));
            }
            if (!errors.isEmpty()) {
                return Outcome.<SignupRequest>invalid(errors);
            }
            PersonRequest p = person.orThrow();
            DonorRequest donor = new DonorRequest(p.familyName(), p.givenName(), p.familyNameKana(), p.givenNameKana(), p.email(), p.phone(),
                p.postalCode(), p.prefecture(), p.city(), p.addressLine1(), p.addressLine2());
            Payments.PaymentRequest pay = r.payment();
            if (payment.account() != null) {
                pay = new Payments.PaymentRequest(pay.method(), payment.account().bankCode(), payment.account().branchCode(),
                    payment.account().accountType(), pay.accountNumber(), payment.account().holderKana(), pay.cardToken());
            }
            return Outcome.ok(new SignupRequest(r.planId(), checked.units(), donor, pay));
        });
    }

    /** What a sign-up's fields say before the donor is checked: the plan, the units, the donor part and their errors. */
    private record Checked(Optional<GiftPlans.PlanView> plan, int units, DonorRequest donor, List<FieldError> errors) {
    }

    private static Checked checkFields(org.tomoni.platform.persistence.TenantScope scope, SignupRequest r, Payments.Checked payment) {
        List<FieldError> errors = new ArrayList<>(payment.errors());
        Optional<GiftPlans.PlanView> plan = Optional.ofNullable(r.planId()).flatMap(Ids::parse)
            .flatMap(id -> GiftPlans.find(scope, id)).filter(p -> p.published());
        if (plan.isEmpty()) {
            errors.add(FieldError.of("planId", r.planId() == null ? "required" : "not_published"));
        }
        int units = r.units() == null ? 1 : r.units();
        if (units < 1 || units > 1000) {
            errors.add(FieldError.of("units", "number"));
        }
        DonorRequest d = r.donor() == null ? new DonorRequest(null, null, null, null, null, null, null, null, null, null, null) : r.donor();
        if (d.email() == null || d.email().isBlank()) {
            errors.add(FieldError.of("donor.email", "required"));
        }
        return new Checked(plan, units, d, errors);
    }

    private static PersonRequest person(DonorRequest d) {
        return PersonRequest.basic(d.familyName(), d.givenName(), d.familyNameKana(), d.givenNameKana(), null, d.email(), d.phone(),
            d.postalCode(), d.prefecture(), d.city(), d.addressLine1(), d.addressLine2(), "公開ページからの寄付申し込み");
    }

    Optional<Tenant> givingTenant(String slug) {
        return slug == null ? Optional.empty() : tenants.findBySlug(slug).filter(t -> t.settings().enables(Module.GIVING));
    }

    private String canonical(SignupRequest r) {
        try {
            return json.writeValueAsString(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(SignupResponse r) {
        try {
            return json.writeValueAsString(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SignupResponse read(String stored) {
        try {
            return json.readValue(stored, SignupResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
