package org.tomoni.platform.giving;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Fresh;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    private final AccessPolicy policy;
    /** The one statement of a run: monthly plans every month, yearly ones in their start month, one-off gifts once. */
    private static final String CHARGE = """
        insert into charges (tenant_id, id, gift_id, period, amount, method, status, run_id, created_at, created_by, updated_at, updated_by,
                             person_id, kind, customer_number)
        select g.tenant_id, gen_random_uuid(), g.id, cast(? as date), p.unit_amount * g.units, g.payment_method, 'pending',
               cast(? as uuid), cast(? as timestamptz), ?, cast(? as timestamptz), ?, g.person_id, 'donation', lpad(g.gift_number::text, 20, '0')
        from recurring_gifts g join gift_plans p on p.tenant_id = g.tenant_id and p.id = g.plan_id
        where g.tenant_id = cast(? as uuid) and (g.status = 'active' or (g.status = 'error' and g.retry_next_run))
          and g.start_month <= cast(? as date)
          and (p.interval = 'monthly'
               or (p.interval = 'yearly' and extract(month from g.start_month) = ?)
               or (p.interval = 'once' and g.start_month = cast(? as date)))
        on conflict (tenant_id, gift_id, period) do nothing
        """;
    /** Membership dues of the period, as fees: monthly types every month, yearly ones in the fiscal year's first month, once in the start month. */
    private static final String DUES = """
        insert into charges (tenant_id, id, membership_id, period, amount, method, status, run_id, created_at, created_by, updated_at,
                             updated_by, person_id, organization_id, kind)
        select m.tenant_id, gen_random_uuid(), m.id, cast(? as date), t.fee_yen * case when t.per_unit then m.units else 1 end,
               'bank_transfer', 'pending', cast(? as uuid), cast(? as timestamptz), ?, cast(? as timestamptz), ?, m.person_id,
               m.organization_id, 'fee'
        from memberships m join membership_types t on t.tenant_id = m.tenant_id and t.id = m.type_id
        where m.tenant_id = cast(? as uuid) and m.status = 'active' and t.fee_yen > 0
          and m.starts_on < cast(? as date) + interval '1 month' and (m.ends_on is null or m.ends_on >= cast(? as date))
          and (t.period = 'monthly'
               or (t.period = 'yearly' and extract(month from cast(? as date)) = ?)
               or (t.period = 'once' and date_trunc('month', m.starts_on) = cast(? as date)))
        on conflict (tenant_id, membership_id, period) where membership_id is not null do nothing
        """;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final TenantRegistry tenants;
    private final DebitBatches batches;
    private final CardCharges cards;

    BillingRuns(TenantTransactions tx, AuditTrail audit, Clock clock, TenantRegistry tenants, DebitBatches batches, CardCharges cards, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.tenants = tenants;
        this.batches = batches;
        this.cards = cards;
    }

    /** A run and where the period stands: what this run created and what the period holds in all. */
    @Serdeable
    public record RunView(UUID id, String period, String status, int created, long totalCreated, int feesCreated, long chargesInPeriod,
                          long totalInPeriod, String startedAt, String finishedAt, List<DebitBatches.BatchSummary> batches,
                          CardCharges.Summary card) implements Fresh {
        /** A run of a period already charged creates nothing: the API answers it 200 rather than 201. */
        @Override
        public boolean fresh() {
            return created > 0;
        }
    }

    public Outcome<RunView> run(Actor actor, String periodText) {
        if (policy.check(actor, Capability.BILLING_RUN) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        YearMonth month = Fields.into(errors).month("period", periodText, true);
        if (month == null) {
            return Outcome.invalid(errors);
        }
        LocalDate period = month.atDay(1);
        int fiscalStart = tenants.findById(actor.tenantId()).map(t -> t.settings().fiscalYearStartMonth()).orElse(4);
        Outcome<RunView> outcome = tx.write(actor.tenantId(), dsl -> {
            UUID runId = Ids.newId();
            OffsetDateTime now = Columns.now(clock);
            dsl.insertInto(RUNS).set(TENANT_ID, actor.tenantId()).set(ID, runId).set(PERIOD, period).set(STATUS, "running")
                .set(STARTED_AT, now).set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now)
                .set(UPDATED_BY, actor.auditName()).execute();
            String p = period.toString();
            int created = dsl.execute(CHARGE, p, runId.toString(), now.toString(), actor.auditName(), now.toString(),
                actor.auditName(), actor.tenantId().toString(), p, month.getMonthValue(), p);
            int fees = dsl.execute(DUES, p, runId.toString(), now.toString(), actor.auditName(), now.toString(), actor.auditName(),
                actor.tenantId().toString(), p, p, p, fiscalStart, p);
            long total = dsl.select(DSL.coalesce(DSL.sum(AMOUNT), java.math.BigDecimal.ZERO)).from(CHARGES)
                .where(TENANT_ID.eq(actor.tenantId()), RUN_ID.eq(runId)).fetchOne(0, Long.class);
            batches.collect(dsl, actor, runId, month);
            dsl.update(RUNS).set(STATUS, "completed").set(CHARGES_CREATED, created + fees).set(GivingTables.FEES_CREATED, fees)
                .set(TOTAL_CREATED, total).set(FINISHED_AT, Columns.now(clock)).set(VERSION, VERSION.plus(1))
                .where(TENANT_ID.eq(actor.tenantId()), ID.eq(runId)).execute();
            audit.record(dsl, actor, "billing_run.run", "billing_run", runId, Result.SUCCESS);
            return Outcome.ok(runId);
        }).map(runId -> {
            CardCharges.Summary card = cards.chargePending(actor, period);
            return tx.read(actor.tenantId(), dsl -> find(dsl, actor.tenantId(), runId, card).orElseThrow());
        });
        return outcome;
    }

    public Outcome<RunView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> find(dsl, actor.tenantId(), id, null).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<Page<RunView>> list(Actor actor, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> {
            var rows = dsl.select(ID, PERIOD, STATUS, CHARGES_CREATED, TOTAL_CREATED, GivingTables.FEES_CREATED, STARTED_AT, FINISHED_AT)
                .from(RUNS).where(TENANT_ID.eq(actor.tenantId())).orderBy(STARTED_AT.desc(), ID).limit(page.size()).offset(page.offset())
                .fetch();
            return Outcome.ok(Page.of(views(dsl, actor.tenantId(), rows, null), dsl.fetchCount(RUNS, TENANT_ID.eq(actor.tenantId())), page));
        });
    }

    private static Optional<RunView> find(DSLContext dsl, UUID tenantId, UUID id, CardCharges.Summary card) {
        return views(dsl, tenantId, selectRuns(dsl, tenantId, id), card).stream().findFirst();
    }

    private static List<? extends Record> selectRuns(DSLContext dsl, UUID tenantId, UUID id) {
        return dsl.select(ID, PERIOD, STATUS, CHARGES_CREATED, TOTAL_CREATED, GivingTables.FEES_CREATED, STARTED_AT, FINISHED_AT).from(RUNS)
            .where(TENANT_ID.eq(tenantId), ID.eq(id)).fetch();
    }

    /** Runs with where their periods stand (charges and yen in all, batches): three queries for any number of runs. */
    private static List<RunView> views(DSLContext dsl, UUID tenantId, List<? extends Record> runs, CardCharges.Summary card) {
        Set<LocalDate> periods = runs.stream().map(r -> r.get(PERIOD)).collect(Collectors.toSet());
        Map<LocalDate, ? extends Record> totals = dsl.select(PERIOD, DSL.count(), DSL.coalesce(DSL.sum(AMOUNT), java.math.BigDecimal.ZERO))
            .from(CHARGES).where(TENANT_ID.eq(tenantId), PERIOD.in(periods)).groupBy(PERIOD).fetchMap(PERIOD);
        Map<LocalDate, List<DebitBatches.BatchSummary>> batches = DebitBatches.ofPeriods(dsl, tenantId, periods);
        return runs.stream().map(r -> {
            LocalDate period = r.get(PERIOD);
            Record t = totals.get(period);
            return new RunView(r.get(ID), YearMonth.from(period).toString(), r.get(STATUS), r.get(CHARGES_CREATED), r.get(TOTAL_CREATED),
                r.get(GivingTables.FEES_CREATED), t == null ? 0 : t.get(1, Long.class), t == null ? 0 : t.get(2, Long.class),
                r.get(STARTED_AT).toString(), r.get(FINISHED_AT) == null ? null : r.get(FINISHED_AT).toString(),
                batches.getOrDefault(period, List.of()), card);
        }).toList();
    }
}
