package org.tomoni.platform.giving;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.AuditTrail;
import org.tomoni.platform.shared.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.giving.GivingTables.AMOUNT;
import static org.tomoni.platform.giving.GivingTables.CHARGES;
import static org.tomoni.platform.giving.GivingTables.CHARGES_CREATED;
import static org.tomoni.platform.giving.GivingTables.FINISHED_AT;
import static org.tomoni.platform.giving.GivingTables.PERIOD;
import static org.tomoni.platform.giving.GivingTables.RUNS;
import static org.tomoni.platform.giving.GivingTables.RUN_ID;
import static org.tomoni.platform.giving.GivingTables.STARTED_AT;
import static org.tomoni.platform.giving.GivingTables.STATUS;
import static org.tomoni.platform.giving.GivingTables.TOTAL_CREATED;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/**
 * A billing run for a period creates exactly one charge per active, unpaused gift due in it, in
 * one set-based statement. The unique key (tenant, gift, period) makes it idempotent: running the
 * period again, or after a crash, creates no duplicate and misses none.
 */
@Singleton
public class BillingRuns {
    /** The one statement of a run: monthly plans every month, yearly ones in their start month, one-off gifts once. */
    private static final String CHARGE = """
        insert into charges (tenant_id, id, gift_id, period, amount, method, status, run_id, created_at, created_by, updated_at, updated_by)
        select g.tenant_id, gen_random_uuid(), g.id, cast(? as date), p.unit_amount * g.units, g.payment_method, 'pending',
               cast(? as uuid), cast(? as timestamptz), ?, cast(? as timestamptz), ?
        from recurring_gifts g join gift_plans p on p.tenant_id = g.tenant_id and p.id = g.plan_id
        where g.tenant_id = cast(? as uuid) and g.status = 'active' and g.start_month <= cast(? as date)
          and (p.interval = 'monthly'
               or (p.interval = 'yearly' and extract(month from g.start_month) = ?)
               or (p.interval = 'once' and g.start_month = cast(? as date)))
        on conflict (tenant_id, gift_id, period) do nothing
        """;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    BillingRuns(TenantTransactions tx, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** A run and where the period stands: what this run created and what the period holds in all. */
    @Serdeable
    public record RunView(UUID id, String period, String status, int created, long totalCreated, long chargesInPeriod,
                          long totalInPeriod, String startedAt, String finishedAt, List<Object> batches) {
    }

    public Outcome<RunView> run(Actor actor, String periodText) {
        if (!actor.isTenantUser() || !actor.has(Role.TENANT_ADMIN)) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        List<FieldError> errors = new ArrayList<>();
        YearMonth month = RecurringGifts.month(periodText, errors);
        if (month == null) {
            return Outcome.invalid(errors.stream().map(e -> FieldError.of("period", e.code())).toList());
        }
        LocalDate period = month.atDay(1);
        return tx.write(actor.tenantId(), dsl -> {
            UUID runId = Ids.newId();
            OffsetDateTime now = Columns.now(clock);
            dsl.insertInto(RUNS).set(TENANT_ID, actor.tenantId()).set(ID, runId).set(PERIOD, period).set(STATUS, "running")
                .set(STARTED_AT, now).set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now)
                .set(UPDATED_BY, actor.auditName()).execute();
            int created = dsl.execute(CHARGE, period.toString(), runId.toString(), now.toString(), actor.auditName(), now.toString(),
                actor.auditName(), actor.tenantId().toString(), period.toString(), month.getMonthValue(), period.toString());
            long total = dsl.select(DSL.coalesce(DSL.sum(AMOUNT), java.math.BigDecimal.ZERO)).from(CHARGES)
                .where(TENANT_ID.eq(actor.tenantId()), RUN_ID.eq(runId)).fetchOne(0, Long.class);
            dsl.update(RUNS).set(STATUS, "completed").set(CHARGES_CREATED, created).set(TOTAL_CREATED, total)
                .set(FINISHED_AT, Columns.now(clock)).set(VERSION, VERSION.plus(1)).where(TENANT_ID.eq(actor.tenantId()), ID.eq(runId)).execute();
            audit.record(dsl, actor, "billing_run.run", "billing_run", runId, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), runId).orElseThrow());
        });
    }

    public Outcome<RunView> get(Actor actor, UUID id) {
        if (!actor.canReadTenantData()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return tx.read(actor.tenantId(), dsl -> find(dsl, actor.tenantId(), id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<Page<RunView>> list(Actor actor, PageRequest page) {
        if (!actor.canReadTenantData()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        return tx.read(actor.tenantId(), dsl -> {
            List<RunView> items = dsl.select(ID, PERIOD, STATUS, CHARGES_CREATED, TOTAL_CREATED, STARTED_AT, FINISHED_AT).from(RUNS)
                .where(TENANT_ID.eq(actor.tenantId())).orderBy(STARTED_AT.desc(), ID).limit(page.size()).offset(page.offset())
                .fetch(r -> view(dsl, actor.tenantId(), r));
            return Outcome.ok(Page.of(items, dsl.fetchCount(RUNS, TENANT_ID.eq(actor.tenantId())), page));
        });
    }

    private static Optional<RunView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return dsl.select(ID, PERIOD, STATUS, CHARGES_CREATED, TOTAL_CREATED, STARTED_AT, FINISHED_AT).from(RUNS)
            .where(TENANT_ID.eq(tenantId), ID.eq(id)).fetchOptional().map(r -> view(dsl, tenantId, r));
    }

    private static RunView view(DSLContext dsl, UUID tenantId, Record r) {
        LocalDate period = r.get(PERIOD);
        Record totals = dsl.select(DSL.count(), DSL.coalesce(DSL.sum(AMOUNT), java.math.BigDecimal.ZERO)).from(CHARGES)
            .where(TENANT_ID.eq(tenantId), PERIOD.eq(period)).fetchOne();
        return new RunView(r.get(ID), YearMonth.from(period).toString(), r.get(STATUS), r.get(CHARGES_CREATED), r.get(TOTAL_CREATED),
            totals.get(0, Long.class), totals.get(1, Long.class), r.get(STARTED_AT).toString(),
            r.get(FINISHED_AT) == null ? null : r.get(FINISHED_AT).toString(), List.of());
    }
}
