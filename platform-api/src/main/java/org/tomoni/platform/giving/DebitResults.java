package org.tomoni.platform.giving;

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
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Reconciles a bank's result file against its batch, all or nothing: the file is checked whole
 * (layout, trailer, every customer number and amount against the batch) before anything changes.
 * Debited charges become donations (or fees); failures keep the bank's code, move the gift to
 * {@code error} with the reason, and follow the code's retry policy; donor and staff are mailed.
 */
@Singleton
public class DebitResults {
    private final AccessPolicy policy;
    /** 振替結果コード: what it means and whether next period's run charges the gift again by itself. */
    enum Code {
        DEBITED(0, "振替済", false), NO_FUNDS(1, "資金不足", true), NO_ACCOUNT(2, "取引なし（口座なし）", false),
        DEPOSITOR_STOP(3, "預金者の都合による振替停止", false), NO_MANDATE(4, "預金口座振替依頼書なし", false),
        CONSIGNOR_STOP(8, "委託者の都合による振替停止", false), OTHER(9, "その他", true);

        final int code;
        final String label;
        final boolean retry;

        Code(int code, String label, boolean retry) {
            this.code = code;
            this.label = label;
            this.retry = retry;
        }

        static Code of(int code) {
            return Arrays.stream(values()).filter(c -> c.code == code).findFirst().orElse(OTHER);
        }
    }

    /** Counts and yen per result code, as the screen and the response show them. */
    @Serdeable
    public record CodeLine(int code, String label, int count, long total, boolean retry) {
        static List<CodeLine> parse(String stored) {
            if (stored == null || stored.isBlank()) {
                return List.of();
            }
            List<CodeLine> lines = new ArrayList<>();
            for (String part : stored.split(";")) {
                String[] f = part.split(",");
                Code c = Code.of(Integer.parseInt(f[0]));
                lines.add(new CodeLine(c.code, c.label, Integer.parseInt(f[1]), Long.parseLong(f[2]), c.retry));
            }
            return lines;
        }

        static String format(List<CodeLine> lines) {
            return String.join(";", lines.stream().map(l -> l.code() + "," + l.count() + "," + l.total()).toList());
        }
    }

    private static final String LOAD = "insert into pg_temp.debit_results (record, customer_number, amount, code) values ";
    private static final String APPLY = """
        update charges c set status = case when r.code = 0 then 'collected' else 'failed' end, result_code = r.code,
               failure = case r.code %s end, updated_at = cast(? as timestamptz), updated_by = ?, version = c.version + 1
        from pg_temp.debit_results r
        where c.tenant_id = cast(? as uuid) and c.batch_id = cast(? as uuid) and c.customer_number = r.customer_number
        """;
    private final TenantTransactions tx;
    private final TenantRegistry tenants;
    private final GiftNotices notices;
    private final DonorLinks links;
    private final AuditTrail audit;
    private final Clock clock;

    DebitResults(TenantTransactions tx, TenantRegistry tenants, GiftNotices notices, DonorLinks links,
                 AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.tenants = tenants;
        this.notices = notices;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome<DebitBatches.BatchView> reconcile(Actor actor, UUID batchId, InputStream upload) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        if (tx.read(actor.tenantId(), dsl -> DebitBatches.find(dsl, actor.tenantId(), batchId)).isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        Path file = spool(upload);
        try {
            ZenginResultFile.Problem problem = ZenginResultFile.read(Files.newInputStream(file), r -> { });
            if (problem != null) {
                return rejectedFile(problem.record(), problem.field(), problem.message());
            }
            return tx.write(actor.tenantId(), dsl -> apply(dsl, actor, batchId, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            file.toFile().delete();
        }
    }

    private Outcome<DebitBatches.BatchView> apply(DSLContext dsl, Actor actor, UUID batchId, Path file) {
        // The batch row is locked for the whole reconciliation: a second upload of the same result waits here, then
        // reads the batch as the first left it (reconciled) and is refused, so nothing is applied or mailed twice.
        if (dsl.resultQuery("select id from debit_batches where tenant_id = cast(? as uuid) and id = cast(? as uuid) for update",
                actor.tenantId().toString(), batchId.toString()).fetchOne() == null) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        var batch = DebitBatches.find(dsl, actor.tenantId(), batchId);
        if (batch.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        if ("reconciled".equals(batch.get().status())) {
            return new Outcome.Rejected<>(ErrorCode.DUPLICATE, List.of(FieldError.of("batch", "already_reconciled")));
        }
        dsl.execute("create temporary table debit_results (record int, customer_number text, amount bigint, code smallint) on commit drop");
        load(dsl, file);
        // Without statistics the planner would join 100,000 results to 100,000 charges by nested loop.
        dsl.execute("create index on pg_temp.debit_results (customer_number)");
        dsl.execute("analyze pg_temp.debit_results");
        Outcome<DebitBatches.BatchView> mismatch = mismatch(dsl, actor.tenantId(), batchId, batch.get().count());
        if (mismatch != null) {
            return mismatch;
        }
        OffsetDateTime now = Columns.now(clock);
        StringBuilder reasons = new StringBuilder();
        for (Code c : Code.values()) {
            reasons.append(" when ").append(c.code).append(" then '").append(c.code).append(": ").append(c.label).append("'");
        }
        dsl.execute(APPLY.formatted(reasons), now.toString(), actor.auditName(), actor.tenantId().toString(), batchId.toString());
        Donations.fromBatch(org.tomoni.platform.persistence.TenantScope.bound(dsl, actor.tenantId(), actor, clock), batchId, LocalDate.parse(batch.get().debitDate()));
        // Recovery first: the gifts in error are then only last months' few, and each is looked up by its unique
        // (gift, period) charge; after failGifts the planner's stale estimate would drive a scan per failed gift.
        recoverGifts(dsl, actor, batchId, LocalDate.parse(batch.get().period() + "-01"));
        failGifts(dsl, actor, batchId);
        List<CodeLine> lines = summary(dsl);
        int debited = lines.stream().filter(l -> l.code() == 0).mapToInt(CodeLine::count).sum();
        long debitedTotal = lines.stream().filter(l -> l.code() == 0).mapToLong(CodeLine::total).sum();
        dsl.update(DebitBatches.BATCHES).set(GivingTables.STATUS, "reconciled").set(DebitBatches.DEBITED_COUNT, debited)
            .set(DebitBatches.DEBITED_TOTAL, debitedTotal).set(DebitBatches.FAILED_COUNT, batch.get().count() - debited)
            .set(DebitBatches.FAILED_TOTAL, batch.get().total() - debitedTotal).set(DebitBatches.RESULT_SUMMARY, CodeLine.format(lines))
            .set(DebitBatches.RECONCILED_AT, now).set(Columns.UPDATED_AT, now).set(Columns.UPDATED_BY, actor.auditName())
            .set(Columns.VERSION, Columns.VERSION.plus(1)).where(Columns.TENANT_ID.eq(actor.tenantId()), Columns.ID.eq(batchId)).execute();
        audit.record(dsl, actor, "debit_batch.reconcile", "debit_batch", batchId, Result.SUCCESS);
        tell(dsl, actor, batch.get());
        return Outcome.ok(DebitBatches.find(dsl, actor.tenantId(), batchId).orElseThrow());
    }

    /** Streams the file's data records into the temporary table, a thousand rows per statement. */
    private static void load(DSLContext dsl, Path file) throws UncheckedIOException {
        List<ZenginResultFile.Result> chunk = new ArrayList<>(1000);
        try (InputStream in = Files.newInputStream(file)) {
            ZenginResultFile.read(in, r -> {
                chunk.add(r);
                if (chunk.size() == 1000) {
                    flush(dsl, chunk);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush(dsl, chunk);
    }

    private static void flush(DSLContext dsl, List<ZenginResultFile.Result> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder(LOAD);
        for (int i = 0; i < chunk.size(); i++) {
            var r = chunk.get(i);
            // Every value was checked as digits by the reader, so it is safe to inline.
            sql.append(i == 0 ? "" : ",").append('(').append(r.record()).append(",'").append(r.customerNumber()).append("',")
                .append(r.amount()).append(',').append(r.code()).append(')');
        }
        dsl.execute(sql.toString());
        chunk.clear();
    }

    /** The first record that does not match the batch, or a count that differs; null when the file is the batch's. */
    private Outcome<DebitBatches.BatchView> mismatch(DSLContext dsl, UUID tenantId, UUID batchId, int expected) {
        Record unknown = dsl.resultQuery("""
            select r.record, case when c.id is null then '顧客番号' else '引落金額' end as field
            from pg_temp.debit_results r
            left join charges c on c.tenant_id = cast(? as uuid) and c.batch_id = cast(? as uuid) and c.customer_number = r.customer_number
            where c.id is null or c.amount <> r.amount
            order by r.record limit 1
            """, tenantId.toString(), batchId.toString()).fetchOne();
        if (unknown != null) {
            String field = unknown.get(1, String.class);
            return rejectedFile(unknown.get(0, Integer.class), field,
                "顧客番号".equals(field) ? "this customer number is not in the batch" : "the amount differs from the batch");
        }
        Record dup = dsl.resultQuery("select min(record), count(*) - count(distinct customer_number) from pg_temp.debit_results").fetchOne();
        int seen = dsl.fetchOne("select count(*) from pg_temp.debit_results").get(0, Integer.class);
        if (dup.get(1, Integer.class) > 0) {
            return rejectedFile(dup.get(0, Integer.class), "顧客番号", "a customer number appears twice");
        }
        if (seen != expected) {
            return rejectedFile(seen + 2, "合計件数", "the file has " + seen + " debits, the batch " + expected);
        }
        return null;
    }

    /** Failed debits put their gifts in error (set-based), with a history line each. */
    private void failGifts(DSLContext dsl, Actor actor, UUID batchId) {
        String now = Columns.now(clock).toString();
        String retry = "c.result_code in (" + String.join(",", Arrays.stream(Code.values()).filter(c -> c.retry)
            .map(c -> Integer.toString(c.code)).toList()) + ")";
        String failed = " from charges c where c.tenant_id = cast(? as uuid) and c.batch_id = cast(? as uuid) and c.status = 'failed'"
            + " and c.gift_id is not null";
        dsl.execute("update recurring_gifts g set status = 'error', status_reason = c.failure, retry_next_run = " + retry
            + ", updated_at = cast(? as timestamptz), updated_by = ?, version = g.version + 1" + failed
            + " and g.tenant_id = c.tenant_id and g.id = c.gift_id and g.status in ('active', 'error')",
            now, actor.auditName(), actor.tenantId().toString(), batchId.toString());
        RecurringGiftRepository.debitFailed(org.tomoni.platform.persistence.TenantScope.bound(dsl, actor.tenantId(), actor, clock), batchId,
            Arrays.stream(Code.values()).filter(c -> c.retry).map(c -> c.code).collect(java.util.stream.Collectors.toSet()));
    }

    /** A gift in error whose debit now went through is active again. */
    private void recoverGifts(DSLContext dsl, Actor actor, UUID batchId, LocalDate period) {
        String now = Columns.now(clock).toString();
        String recovered = " g.tenant_id = cast(? as uuid) and g.status = 'error' and exists (select 1 from charges c where c.tenant_id = g.tenant_id"
            + " and c.gift_id = g.id and c.period = cast(? as date) and c.batch_id = cast(? as uuid) and c.status = 'collected')";
        String t = actor.tenantId().toString();
        RecurringGiftRepository.recovered(org.tomoni.platform.persistence.TenantScope.bound(dsl, actor.tenantId(), actor, clock), batchId, period);
        dsl.execute("update recurring_gifts g set status = 'active', status_reason = null, retry_next_run = false, version = g.version + 1"
            + " where" + recovered, t, period.toString(), batchId.toString());
    }


    private static List<CodeLine> summary(DSLContext dsl) {
        return dsl.resultQuery("select code, count(*), sum(amount) from pg_temp.debit_results group by code order by code").fetch(r -> {
            Code c = Code.of(r.get(0, Integer.class));
            return new CodeLine(c.code, c.label, r.get(1, Integer.class), r.get(2, Long.class), c.retry);
        });
    }

    /**
     * Queues, in the reconciliation's own transaction, a mail to each failed debit's donor and one digest to the
     * staff listing them all; what they need is read in one query.
     */
    private void tell(DSLContext dsl, Actor actor, DebitBatches.BatchView batch) {
        Tenant tenant = tenants.findById(actor.tenantId()).orElseThrow();
        List<GiftNotices.Failure> failed = new ArrayList<>();
        dsl.resultQuery("""
            select c.gift_id, g.gift_number, p.name, g.units, p.unit_amount * g.units, p.interval, g.payment_method,
                   d.family_name || ' ' || d.given_name, d.email, c.failure
            from charges c join recurring_gifts g on g.tenant_id = c.tenant_id and g.id = c.gift_id
                 join gift_plans p on p.tenant_id = g.tenant_id and p.id = g.plan_id
                 join people d on d.tenant_id = g.tenant_id and d.id = g.person_id
            where c.tenant_id = cast(? as uuid) and c.batch_id = cast(? as uuid) and c.status = 'failed'
            order by g.gift_number
            """, actor.tenantId().toString(), batch.id().toString()).fetch().forEach(r -> failed.add(new GiftNotices.Failure(
                new GiftNotices.About(tenant.nameJa(), r.get(7, String.class), r.get(8, String.class), r.get(1, Long.class),
                    r.get(2, String.class), r.get(3, Integer.class), r.get(4, Long.class), r.get(5, String.class), r.get(6, String.class),
                    links.url(actor.tenantId(), r.get(0, UUID.class))), r.get(9, String.class))));
        var scope = org.tomoni.platform.persistence.TenantScope.bound(dsl, actor.tenantId(), actor, clock);
        String staff = GivingSettings.find(scope).staffEmail();
        failed.forEach(f -> notices.failed(scope, f.about(), f.reason()));
        notices.failedDigest(scope, staff, batch.batchNumber(), batch.debitDate(), failed);
    }

    private static Outcome<DebitBatches.BatchView> rejectedFile(int record, String field, String message) {
        return new Outcome.Rejected<>(ErrorCode.UNPROCESSABLE_FILE,
            List.of(new FieldError(field, "record", "レコード " + record + "・" + field + ": " + message, record)));
    }

    private static Path spool(InputStream upload) {
        try {
            Path file = Files.createTempFile("zengin-result-", ".txt");
            try (InputStream in = upload) {
                Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
