package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.tomoni.platform.giving.GivingTables.ARCHIVED_AT;
import static org.tomoni.platform.giving.GivingTables.INTERVAL;
import static org.tomoni.platform.giving.GivingTables.NAME;
import static org.tomoni.platform.giving.GivingTables.PLANS;
import static org.tomoni.platform.giving.GivingTables.PUBLISHED;
import static org.tomoni.platform.giving.GivingTables.PURPOSE;
import static org.tomoni.platform.giving.GivingTables.UNIT_AMOUNT;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/** Gift plans of a tenant: e.g. サポーター 300 yen per unit monthly, スポット 500 yen per unit once, a purpose (指定寄付). */
@Singleton
public class GiftPlans {
    private final AccessPolicy policy;
    private static final Set<String> INTERVALS = Set.of("monthly", "yearly", "once");
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    GiftPlans(TenantTransactions tx, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    public record PlanRequest(@Nullable String name, @Nullable Long unitAmount, @Nullable String interval, @Nullable String purpose,
                              @Nullable Boolean published) {
    }

    @Serdeable
    public record PlanView(UUID id, String name, long unitAmount, String interval, String purpose, boolean published, long version)
        implements Versioned {
    }

    public Outcome<PlanView> create(Actor actor, PlanRequest r) {
        if (policy.check(actor, Capability.GIVING_SETTINGS) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        f.texts("name", r.name(), "purpose", r.purpose());
        String name = JapaneseText.clean(r.name());
        if (name == null && errors.isEmpty()) {
            errors.add(FieldError.of("name", "required"));
        }
        f.yen("unitAmount", r.unitAmount(), 1, 10_000_000, "number");
        if (r.interval() == null || !INTERVALS.contains(r.interval())) {
            errors.add(FieldError.of("interval", "choice"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return tx.write(actor.tenantId(), dsl -> {
            if (dsl.fetchExists(PLANS, TENANT_ID.eq(actor.tenantId()), NAME.eq(name), ARCHIVED_AT.isNull())) {
                return Outcome.<PlanView>invalid(List.of(FieldError.of("name", "taken")));
            }
            UUID id = Ids.newId();
            var now = Columns.now(clock);
            dsl.insertInto(PLANS).set(TENANT_ID, actor.tenantId()).set(ID, id).set(NAME, name).set(UNIT_AMOUNT, r.unitAmount())
                .set(INTERVAL, r.interval()).set(PURPOSE, JapaneseText.clean(r.purpose())).set(PUBLISHED, r.published() == null || r.published())
                .set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName()).execute();
            audit.record(dsl, actor, "gift_plan.create", "gift_plan", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        });
    }

    public Outcome<PlanView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> find(dsl, actor.tenantId(), id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<Page<PlanView>> list(Actor actor, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> {
            var c = TENANT_ID.eq(actor.tenantId()).and(ARCHIVED_AT.isNull());
            return Outcome.ok(Page.of(dsl.selectFrom(PLANS).where(c).orderBy(NAME, ID).limit(page.size()).offset(page.offset())
                .fetch(GiftPlans::toView), dsl.fetchCount(PLANS, c), page));
        });
    }

    /** The plans a tenant offers on its public page, inside the caller's transaction. */
    static List<PlanView> published(DSLContext dsl, UUID tenantId) {
        return dsl.selectFrom(PLANS).where(TENANT_ID.eq(tenantId), ARCHIVED_AT.isNull(), PUBLISHED.isTrue())
            .orderBy(UNIT_AMOUNT, NAME, ID).fetch(GiftPlans::toView);
    }

    static Optional<PlanView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return dsl.selectFrom(PLANS).where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull()).fetchOptional(GiftPlans::toView);
    }

    private static PlanView toView(Record r) {
        return new PlanView(r.get(ID), r.get(NAME), r.get(UNIT_AMOUNT), r.get(INTERVAL), r.get(PURPOSE), r.get(PUBLISHED), r.get(VERSION));
    }
}
