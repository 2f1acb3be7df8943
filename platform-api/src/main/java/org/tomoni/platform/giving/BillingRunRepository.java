package org.tomoni.platform.giving;

import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.BILLING_RUNS;

/** Billing runs: one row per run, {@code running} while its transaction lasts, then {@code completed} with what it created. */
final class BillingRunRepository {
    private BillingRunRepository() {
    }

    record RunRow(UUID id, LocalDate period, BillingRunStatus status, int chargesCreated, long totalCreated, int feesCreated,
                  OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    static void start(TenantScope scope, UUID id, LocalDate period) {
        var r = BILLING_RUNS;
        scope.insertInto(r).set(r.ID, id).set(r.PERIOD, period).set(r.STATUS, BillingRunStatus.RUNNING.code()).set(r.STARTED_AT, scope.now())
            .execute();
    }

    static void complete(TenantScope scope, UUID id, int created, int fees, long total) {
        var r = BILLING_RUNS;
        scope.update(r).set(r.STATUS, BillingRunStatus.COMPLETED.code()).set(r.CHARGES_CREATED, created).set(r.FEES_CREATED, fees)
            .set(r.TOTAL_CREATED, total).set(r.FINISHED_AT, scope.now())
            .where(r.ID.eq(id), r.STATUS.eq(BillingRunStatus.RUNNING.code()));
    }

    /** Whether the period has a run (the scheduler's check; index billing_runs_period). */
    static boolean exists(TenantScope scope, LocalDate period) {
        return scope.dsl().fetchExists(BILLING_RUNS, scope.owns(BILLING_RUNS), BILLING_RUNS.PERIOD.eq(period));
    }

    static Optional<RunRow> find(TenantScope scope, UUID id) {
        return select(scope).where(scope.owns(BILLING_RUNS), BILLING_RUNS.ID.eq(id)).fetchOptional(BillingRunRepository::row);
    }

    static List<RunRow> page(TenantScope scope, PageRequest page) {
        return select(scope).where(scope.owns(BILLING_RUNS)).orderBy(BILLING_RUNS.STARTED_AT.desc(), BILLING_RUNS.ID)
            .limit(page.size()).offset(page.offset()).fetch(BillingRunRepository::row);
    }

    static long count(TenantScope scope) {
        return scope.dsl().fetchCount(BILLING_RUNS, scope.owns(BILLING_RUNS));
    }

    private static SelectJoinStep<? extends Record> select(TenantScope scope) {
        var r = BILLING_RUNS;
        return scope.dsl().select(r.ID, r.PERIOD, r.STATUS, r.CHARGES_CREATED, r.TOTAL_CREATED, r.FEES_CREATED, r.STARTED_AT, r.FINISHED_AT)
            .from(r);
    }

    private static RunRow row(Record x) {
        var r = BILLING_RUNS;
        return new RunRow(x.get(r.ID), x.get(r.PERIOD), BillingRunStatus.of(x.get(r.STATUS)), x.get(r.CHARGES_CREATED), x.get(r.TOTAL_CREATED),
            x.get(r.FEES_CREATED), x.get(r.STARTED_AT), x.get(r.FINISHED_AT));
    }
}
