package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Versioned;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;


/** Gift plans of a tenant: e.g. サポーター 300 yen per unit monthly, スポット 500 yen per unit once, a purpose (指定寄付). */
@Singleton
public class GiftPlans {
    private final AccessPolicy policy;
    private static final Set<String> INTERVALS = Set.of("monthly", "yearly", "once");
    private final TenantTransactions tx;
    private final AuditTrail audit;

    GiftPlans(TenantTransactions tx, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
    }

    @Serdeable
    public record PlanRequest(@Nullable String name, @Nullable Long unitAmount, @Nullable String interval, @Nullable String purpose,
                              @Nullable Boolean published) {
    }

    @Serdeable
    public record PlanView(UUID id, String name, long unitAmount, String interval, String purpose, boolean published, long version)
        implements Versioned {
    }

    /** Every error of a plan's own fields, as a new plan and a change check them (the name's uniqueness aside). */
    private static List<FieldError> fieldErrors(PlanRequest r) {
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        f.texts("name", r.name(), "purpose", r.purpose());
        if (JapaneseText.clean(r.name()) == null && errors.isEmpty()) {
            errors.add(FieldError.of("name", "required"));
        }
        f.yen("unitAmount", r.unitAmount(), 1, 10_000_000, "number");
        if (r.interval() == null || !INTERVALS.contains(r.interval())) {
            errors.add(FieldError.of("interval", "choice"));
        }
        return errors;
    }

    public Outcome<PlanView> create(Actor actor, PlanRequest r) {
        if (policy.check(actor, Capability.GIVING_SETTINGS) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = fieldErrors(r);
        String name = JapaneseText.clean(r.name());
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return tx.write(actor, scope -> {
            if (GiftPlanRepository.nameTaken(scope, name)) {
                return Outcome.<PlanView>invalid(List.of(FieldError.of("name", "taken")));
            }
            UUID id = Ids.newId();
            GiftPlanRepository.insert(scope, id, new GiftPlanRepository.Values(name, r.unitAmount(), r.interval(),
                JapaneseText.clean(r.purpose()), r.published() == null || r.published()));
            audit.record(scope, "gift_plan.create", "gift_plan", id, Result.SUCCESS);
            return Outcome.ok(GiftPlanRepository.find(scope, id).orElseThrow());
        });
    }

    /**
     * Changes a plan at {@code version}. Name, purpose and publication change at any time (an
     * unpublished plan leaves the public sign-up page; the gifts on it keep it); the amount per
     * unit and the interval only while no gift uses the plan, since every gift is charged by them
     * ({@code unitAmount}/{@code interval} "plan_in_use": make a new plan instead).
     */
    public Outcome<PlanView> update(Actor actor, UUID id, long version, PlanRequest r) {
        if (policy.check(actor, Capability.GIVING_SETTINGS) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.write(actor, scope -> {
            Optional<PlanView> stored = GiftPlanRepository.find(scope, id);
            if (stored.isEmpty()) {
                return Outcome.<PlanView>rejected(ErrorCode.NOT_FOUND);
            }
            List<FieldError> errors = fieldErrors(r);
            String name = JapaneseText.clean(r.name());
            if (errors.isEmpty() && GiftPlanRepository.nameTakenByAnother(scope, name, id)) {
                errors.add(FieldError.of("name", "taken"));
            }
            PlanView was = stored.get();
            boolean terms = errors.isEmpty() && (r.unitAmount() != was.unitAmount() || !r.interval().equals(was.interval()));
            if (terms && RecurringGiftRepository.anyOnPlan(scope, id)) {
                if (r.unitAmount() != was.unitAmount()) {
                    errors.add(FieldError.of("unitAmount", "plan_in_use"));
                }
                if (!r.interval().equals(was.interval())) {
                    errors.add(FieldError.of("interval", "plan_in_use"));
                }
            }
            if (!errors.isEmpty()) {
                return Outcome.<PlanView>invalid(errors);
            }
            boolean published = r.published() == null ? was.published() : r.published();
            if (GiftPlanRepository.update(scope, id, version, new GiftPlanRepository.Values(name, r.unitAmount(), r.interval(),
                JapaneseText.clean(r.purpose()), published)) == 0) {
                return Outcome.<PlanView>rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(scope, published == was.published() ? "gift_plan.update" : published ? "gift_plan.publish" : "gift_plan.unpublish",
                "gift_plan", id, Result.SUCCESS);
            return Outcome.ok(GiftPlanRepository.find(scope, id).orElseThrow());
        });
    }

    public Outcome<PlanView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> GiftPlanRepository.find(scope, id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<Page<PlanView>> list(Actor actor, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> Outcome.ok(Page.of(GiftPlanRepository.page(scope, page), GiftPlanRepository.count(scope), page)));
    }

    /** The plans a tenant offers on its public page, inside the caller's transaction. */
    static List<PlanView> published(TenantScope scope) {
        return GiftPlanRepository.published(scope);
    }

    /** An active plan, inside the caller's transaction. */
    static Optional<PlanView> find(TenantScope scope, UUID id) {
        return GiftPlanRepository.find(scope, id);
    }
}
