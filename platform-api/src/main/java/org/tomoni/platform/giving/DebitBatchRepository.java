package org.tomoni.platform.giving;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.DEBIT_BATCHES;
import static org.tomoni.platform.schema.Tables.DEBIT_RESULTS;

/**
 * Direct-debit batches, and the bank's result staged for a batch's reconciliation: loaded into a temporary table of
 * {@code debit_results}' columns, checked and applied in the reconciliation's transaction, and dropped when it ends.
 */
final class DebitBatchRepository {
    private DebitBatchRepository() {
    }

    record BatchRow(UUID id, long batchNumber, LocalDate period, LocalDate debitDate, int count, long total, DebitBatchStatus status,
                    Integer debitedCount, Long debitedTotal, Integer failedCount, Long failedTotal, String resultSummary,
                    OffsetDateTime reconciledAt) {
    }

    static void insert(TenantScope scope, UUID id, long number, UUID runId, LocalDate period, LocalDate debitDate, long count, long total) {
        var b = DEBIT_BATCHES;
        scope.insertInto(b).set(b.ID, id).set(b.BATCH_NUMBER, number).set(b.RUN_ID, runId).set(b.PERIOD, period).set(b.DEBIT_DATE, debitDate)
            .set(b.CHARGE_COUNT, Math.toIntExact(count)).set(b.TOTAL, total).set(b.STATUS, DebitBatchStatus.CREATED.code()).execute();
    }

    /**
     * The staged result: a temporary table ({@code ON COMMIT DROP}) of the template's columns. It is private to the
     * transaction's session and needs no RLS, writes no WAL and is gone when the reconciliation commits or fails, so
     * none of it is ever kept (V20261203_2500: a tenth of the time of staging into a shared table).
     */
    static final org.tomoni.platform.schema.tables.DebitResults STAGED = DEBIT_RESULTS.rename("staged_debit_results");

    /**
     * For the rest of the reconciliation's transaction only ({@code set_config(…, true)}), the planner joins the staged
     * result and the batch's charges by hash or merge, never by nested loop, and sorts and hashes them in memory: right
     * after a run the charges' statistics do not know the batch yet, and a nested loop over 100,000 records then scans
     * the batch once per record (measured: over ten minutes for one statement); at the default 4 MB of work memory the
     * join spilled its sort of the batch to disk.
     */
    static void planForTheWholeBatch(TenantScope scope) {
        setLocal(scope, "enable_nestloop", "off");
        setLocal(scope, "work_mem", "64MB");
    }

    /** After the batch-wide statements: back to the server's plan choices for the steps on a few rows. */
    static void planForFewRows(TenantScope scope) {
        setLocal(scope, "enable_nestloop", "on");
    }

    private static void setLocal(TenantScope scope, String setting, String value) {
        scope.dsl().select(DSL.function(DSL.name("set_config"), String.class, DSL.inline(setting), DSL.inline(value), DSL.inline(true)))
            .fetch();
    }

    /** Creates the staging table for this transaction. */
    static void openStaging(TenantScope scope) {
        scope.dsl().createTemporaryTable(STAGED).columns(DEBIT_RESULTS.fields()).onCommitDrop().execute();
    }

    /** Locks the batch row for the reconciliation: a second upload of the same result waits, then finds it reconciled. */
    static boolean lock(TenantScope scope, UUID id) {
        return scope.dsl().select(DEBIT_BATCHES.ID).from(DEBIT_BATCHES).where(scope.owns(DEBIT_BATCHES), DEBIT_BATCHES.ID.eq(id))
            .forUpdate().fetchOptional().isPresent();
    }

    static void reconciled(TenantScope scope, UUID id, int debited, long debitedTotal, int failed, long failedTotal, String summary) {
        var b = DEBIT_BATCHES;
        scope.update(b).set(b.STATUS, DebitBatchStatus.RECONCILED.code()).set(b.DEBITED_COUNT, debited).set(b.DEBITED_TOTAL, debitedTotal)
            .set(b.FAILED_COUNT, failed).set(b.FAILED_TOTAL, failedTotal).set(b.RESULT_SUMMARY, summary).set(b.RECONCILED_AT, scope.now())
            .where(b.ID.eq(id), b.STATUS.eq(DebitBatchStatus.CREATED.code()));
    }

    static Optional<BatchRow> find(TenantScope scope, UUID id) {
        return select(scope).where(scope.owns(DEBIT_BATCHES), DEBIT_BATCHES.ID.eq(id)).fetchOptional(DebitBatchRepository::row);
    }

    /** Newest first (the unique batch number). */
    static List<BatchRow> page(TenantScope scope, PageRequest page) {
        return select(scope).where(scope.owns(DEBIT_BATCHES)).orderBy(DEBIT_BATCHES.BATCH_NUMBER.desc()).limit(page.size())
            .offset(page.offset()).fetch(DebitBatchRepository::row);
    }

    static long count(TenantScope scope) {
        return scope.dsl().fetchCount(DEBIT_BATCHES, scope.owns(DEBIT_BATCHES));
    }

    /** The batches of the periods (index debit_batches_period), in batch-number order. */
    static List<BatchRow> ofPeriods(TenantScope scope, Collection<LocalDate> periods) {
        return select(scope).where(scope.owns(DEBIT_BATCHES), DEBIT_BATCHES.PERIOD.in(periods)).orderBy(DEBIT_BATCHES.BATCH_NUMBER)
            .fetch(DebitBatchRepository::row);
    }

    /** One data record of the bank's result. */
    record Result(int record, String customerNumber, long amount, short code) {
    }

    /**
     * Stages a chunk of the result's records in one statement of four array parameters, unnested in lockstep: one
     * round trip and four binds however many records (a multi-row VALUES would bind six values per record).
     */
    static void stage(TenantScope scope, UUID batchId, List<Result> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        var r = STAGED;
        Integer[] records = chunk.stream().map(Result::record).toArray(Integer[]::new);
        String[] customers = chunk.stream().map(Result::customerNumber).toArray(String[]::new);
        Long[] amounts = chunk.stream().map(Result::amount).toArray(Long[]::new);
        Short[] codes = chunk.stream().map(Result::code).toArray(Short[]::new);
        scope.dsl().insertInto(r, r.TENANT_ID, r.BATCH_ID, r.RECORD, r.CUSTOMER_NUMBER, r.AMOUNT, r.CODE)
            .select(DSL.select(DSL.val(scope.tenantId()), DSL.val(batchId), unnest(records, SQLDataType.INTEGER),
                unnest(customers, SQLDataType.CLOB), unnest(amounts, SQLDataType.BIGINT), unnest(codes, SQLDataType.SMALLINT)))
            .execute();
    }

    /** {@code unnest(array)} in a select list: several of them yield their elements side by side. */
    private static <T> Field<T> unnest(T[] values, org.jooq.DataType<T> type) {
        return DSL.function("unnest", type, DSL.val(values, type.getArrayDataType()));
    }

    /** Of the staged records: how many, how many customer numbers repeat, and the first record. */
    record Staged(int count, int repeated, int firstRecord) {
    }

    static Staged staged(TenantScope scope, UUID batchId) {
        var r = STAGED;
        Record x = scope.dsl().select(DSL.count(), DSL.count().minus(DSL.countDistinct(r.CUSTOMER_NUMBER)), DSL.min(r.RECORD)).from(r)
            .where(scope.owns(r), r.BATCH_ID.eq(batchId)).fetchOne();
        Integer first = x.get(2, Integer.class);
        return new Staged(x.get(0, Integer.class), x.get(1, Integer.class), first == null ? 0 : first);
    }

    record CodeCount(short code, int count, long total) {
    }

    /** Counts and yen per result code, in code order. */
    static List<CodeCount> byCode(TenantScope scope, UUID batchId) {
        var r = STAGED;
        return scope.dsl().select(r.CODE, DSL.count(), DSL.sum(r.AMOUNT)).from(r).where(scope.owns(r), r.BATCH_ID.eq(batchId))
            .groupBy(r.CODE).orderBy(r.CODE).fetch(x -> new CodeCount(x.value1(), x.value2(), x.get(2, Long.class)));
    }

    private static SelectJoinStep<? extends Record> select(TenantScope scope) {
        var b = DEBIT_BATCHES;
        return scope.dsl().select(b.ID, b.BATCH_NUMBER, b.PERIOD, b.DEBIT_DATE, b.CHARGE_COUNT, b.TOTAL, b.STATUS, b.DEBITED_COUNT,
            b.DEBITED_TOTAL, b.FAILED_COUNT, b.FAILED_TOTAL, b.RESULT_SUMMARY, b.RECONCILED_AT).from(b);
    }

    private static BatchRow row(Record x) {
        var b = DEBIT_BATCHES;
        return new BatchRow(x.get(b.ID), x.get(b.BATCH_NUMBER), x.get(b.PERIOD), x.get(b.DEBIT_DATE), x.get(b.CHARGE_COUNT), x.get(b.TOTAL),
            DebitBatchStatus.of(x.get(b.STATUS)), x.get(b.DEBITED_COUNT), x.get(b.DEBITED_TOTAL), x.get(b.FAILED_COUNT), x.get(b.FAILED_TOTAL),
            x.get(b.RESULT_SUMMARY), x.get(b.RECONCILED_AT));
    }
}
