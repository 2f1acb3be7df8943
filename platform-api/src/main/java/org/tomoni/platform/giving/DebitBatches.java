package org.tomoni.platform.giving;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.persistence.Counters;
import org.tomoni.platform.shared.Download;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.SecretBox;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.giving.GivingTables.AMOUNT;
import static org.tomoni.platform.giving.GivingTables.BATCH_ID;
import static org.tomoni.platform.giving.GivingTables.CHARGES;
import static org.tomoni.platform.giving.GivingTables.CUSTOMER_NUMBER;
import static org.tomoni.platform.giving.GivingTables.METHOD;
import static org.tomoni.platform.giving.GivingTables.PERIOD;
import static org.tomoni.platform.giving.GivingTables.STATUS;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.text;

/**
 * Direct-debit collection batches: a run's pending direct-debit charges gathered under one debit
 * date (the tenant's debit day moved to the next bank business day), and the Zengin request file
 * written from them, streamed from a cursor so 100,000 debits need constant memory.
 */
@Singleton
public class DebitBatches {
    private final AccessPolicy policy;
    static final Table<Record> BATCHES = table(name("debit_batches"));
    static final Field<Long> BATCH_NUMBER = field(name("batch_number"), SQLDataType.BIGINT);
    static final Field<UUID> RUN_ID = field(name("run_id"), SQLDataType.UUID);
    static final Field<LocalDate> DEBIT_DATE = field(name("debit_date"), SQLDataType.LOCALDATE);
    static final Field<Integer> CHARGE_COUNT = field(name("charge_count"), SQLDataType.INTEGER);
    static final Field<Long> TOTAL = field(name("total"), SQLDataType.BIGINT);
    static final Field<Integer> DEBITED_COUNT = field(name("debited_count"), SQLDataType.INTEGER);
    static final Field<Long> DEBITED_TOTAL = field(name("debited_total"), SQLDataType.BIGINT);
    static final Field<Integer> FAILED_COUNT = field(name("failed_count"), SQLDataType.INTEGER);
    static final Field<Long> FAILED_TOTAL = field(name("failed_total"), SQLDataType.BIGINT);
    static final Field<String> RESULT_SUMMARY = text("result_summary");
    static final Field<java.time.OffsetDateTime> RECONCILED_AT = field(name("reconciled_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final int FETCH_SIZE = 2000;
    private final TenantTransactions tx;
    private final SecretBox secrets;
    private final Clock clock;

    private final GivingSettings givingSettings;

    DebitBatches(TenantTransactions tx, SecretBox secrets, Clock clock, GivingSettings givingSettings, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.givingSettings = givingSettings;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Serdeable
    public record BatchSummary(UUID id, long batchNumber, String debitDate, int count, long total, String status) {
    }

    @Serdeable
    public record BatchView(UUID id, long batchNumber, String period, String debitDate, int count, long total, String status,
                            Integer debitedCount, Long debitedTotal, Integer failedCount, Long failedTotal,
                            List<DebitResults.CodeLine> byCode, String reconciledAt) {
    }

    /** Gathers the run's pending direct-debit charges of the period not yet in a batch; none → no batch. */
    void collect(DSLContext dsl, Actor actor, UUID runId, YearMonth month) {
        // A gift entered by staff without its bank account stays pending until the account is added.
        var withAccount = DSL.select(Columns.ID).from(GivingTables.GIFTS)
            .where(TENANT_ID.eq(actor.tenantId()), GivingTables.ACCOUNT_NUMBER_ENC.isNotNull());
        var pending = TENANT_ID.eq(actor.tenantId()).and(PERIOD.eq(month.atDay(1))).and(METHOD.eq("direct_debit"))
            .and(STATUS.eq("pending")).and(BATCH_ID.isNull()).and(GivingTables.GIFT_ID.in(withAccount));
        Record totals = dsl.select(DSL.count(), DSL.coalesce(DSL.sum(AMOUNT), java.math.BigDecimal.ZERO)).from(CHARGES).where(pending).fetchOne();
        int count = totals.get(0, Integer.class);
        if (count == 0) {
            return;
        }
        var settings = GivingSettings.find(org.tomoni.platform.persistence.TenantScope.bound(dsl, actor.tenantId(), actor, clock));
        var now = Columns.now(clock);
        UUID id = Ids.newId();
        long number = Counters.next(dsl, actor.tenantId(), "debit_batch", now, actor.auditName());
        dsl.insertInto(BATCHES).set(TENANT_ID, actor.tenantId()).set(ID, id).set(BATCH_NUMBER, number).set(RUN_ID, runId)
            .set(PERIOD, month.atDay(1)).set(DEBIT_DATE, BankCalendar.debitDate(month, settings.debitDay())).set(CHARGE_COUNT, count)
            .set(TOTAL, totals.get(1, Long.class)).set(STATUS, "created").set(CREATED_AT, now).set(CREATED_BY, actor.auditName())
            .set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName()).execute();
        dsl.update(CHARGES).set(BATCH_ID, id).where(pending).execute();
    }

    /** The batches of each of the periods, in one query. */
    static Map<LocalDate, List<BatchSummary>> ofPeriods(DSLContext dsl, UUID tenantId, Collection<LocalDate> periods) {
        Map<LocalDate, List<BatchSummary>> byPeriod = new HashMap<>();
        dsl.select(ID, BATCH_NUMBER, DEBIT_DATE, CHARGE_COUNT, TOTAL, STATUS, PERIOD).from(BATCHES)
            .where(TENANT_ID.eq(tenantId), PERIOD.in(periods)).orderBy(BATCH_NUMBER)
            .forEach(r -> byPeriod.computeIfAbsent(r.value7(), p -> new ArrayList<>())
                .add(new BatchSummary(r.value1(), r.value2(), r.value3().toString(), r.value4(), r.value5(), r.value6())));
        return byPeriod;
    }

    public Outcome<Page<BatchView>> list(Actor actor, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> Outcome.ok(Page.of(select(dsl).where(TENANT_ID.eq(actor.tenantId()))
            .orderBy(BATCH_NUMBER.desc()).limit(page.size()).offset(page.offset()).fetch(DebitBatches::view),
            dsl.fetchCount(BATCHES, TENANT_ID.eq(actor.tenantId())), page)));
    }

    public Outcome<BatchView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> find(dsl, actor.tenantId(), id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** A request file in a temporary file (the caller streams it out and deletes it); its name says the batch and the date. */
    public record RequestFile(Path path, String fileName) {
        /** The file as a download; the temporary file is deleted once it has been sent. */
        public Download download() {
            try {
                long length = Files.size(path);
                InputStream in = new FilterInputStream(Files.newInputStream(path)) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        Files.deleteIfExists(path);
                    }
                };
                return Download.stream(in, length, "text/plain; charset=Shift_JIS", "attachment; filename=\"" + fileName + "\"");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Outcome<RequestFile> requestFile(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> {
            Optional<BatchView> batch = find(dsl, actor.tenantId(), id);
            if (batch.isEmpty()) {
                return Outcome.<RequestFile>rejected(ErrorCode.NOT_FOUND);
            }
            var settings = GivingSettings.find(org.tomoni.platform.persistence.TenantScope.bound(dsl, actor.tenantId(), actor, clock));
            if (!settings.debitReady()) {
                return Outcome.<RequestFile>invalid(List.of(FieldError.of("settings", "debit_settings")));
            }
            var own = givingSettings.collectionAccount(org.tomoni.platform.persistence.TenantScope.bound(dsl, actor.tenantId(), actor, clock)).orElseThrow();
            var consignor = new ZenginDebitFile.Consignor(settings.consignorCode(), settings.consignorKana(), own.bankCode(),
                own.branchCode(), own.accountType(), own.accountNumber());
            try {
                Path file = Files.createTempFile("zengin-", ".txt");
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                     var cursor = debits(dsl, actor.tenantId(), id)) {
                    ZenginDebitFile.write(out, consignor, LocalDate.parse(batch.get().debitDate()), cursor.iterator());
                }
                return Outcome.ok(new RequestFile(file, "furikae-" + batch.get().batchNumber() + "-" + batch.get().debitDate() + ".txt"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The batch's debits in customer-number order, read through a server-side cursor. */
    private Cursor debits(DSLContext dsl, UUID tenantId, UUID batchId) {
        var g = GivingTables.GIFTS;
        var result = dsl.select(Columns.qualified(g, GivingTables.BANK_CODE), Columns.qualified(g, GivingTables.BRANCH_CODE),
                Columns.qualified(g, GivingTables.ACCOUNT_TYPE), Columns.qualified(g, GivingTables.ACCOUNT_NUMBER_ENC),
                Columns.qualified(g, GivingTables.ACCOUNT_HOLDER_KANA), Columns.qualified(CHARGES, AMOUNT),
                Columns.qualified(CHARGES, CUSTOMER_NUMBER), Columns.qualified(g, GivingTables.START_MONTH), Columns.qualified(CHARGES, PERIOD))
            .from(CHARGES).join(g).on(Columns.qualified(g, TENANT_ID).eq(tenantId), Columns.qualified(g, ID).eq(Columns.qualified(CHARGES, GivingTables.GIFT_ID)))
            .where(Columns.qualified(CHARGES, TENANT_ID).eq(tenantId), Columns.qualified(CHARGES, BATCH_ID).eq(batchId))
            .orderBy(Columns.qualified(CHARGES, CUSTOMER_NUMBER)).fetchSize(FETCH_SIZE).fetchLazy();
        return new Cursor(result, secrets);
    }

    /** Maps each row to a debit as it is read; the account number is decrypted only here, on its way into the file. */
    private record Cursor(org.jooq.Cursor<? extends Record> rows, SecretBox secrets) implements AutoCloseable {
        Iterator<ZenginDebitFile.Debit> iterator() {
            Iterator<? extends Record> it = rows.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public ZenginDebitFile.Debit next() {
                    Record r = it.next();
                    String number = secrets.decrypt(r.get(3, String.class))
                        .orElseThrow(() -> new IllegalStateException("an account number cannot be decrypted with this key"));
                    // 新規コード: 1 for the gift's first month (the bank checks the new mandate), 0 afterwards.
                    char newCode = r.get(8, LocalDate.class).equals(r.get(7, LocalDate.class)) ? '1' : '0';
                    return new ZenginDebitFile.Debit(r.get(0, String.class), r.get(1, String.class), r.get(2, Short.class),
                        number, r.get(4, String.class), r.get(5, Long.class), newCode, r.get(6, String.class));
                }
            };
        }

        @Override
        public void close() {
            rows.close();
        }
    }

    static Optional<BatchView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return select(dsl).where(TENANT_ID.eq(tenantId), ID.eq(id)).fetchOptional(DebitBatches::view);
    }

    private static org.jooq.SelectJoinStep<? extends Record> select(DSLContext dsl) {
        return dsl.select(ID, BATCH_NUMBER, PERIOD, DEBIT_DATE, CHARGE_COUNT, TOTAL, STATUS, DEBITED_COUNT, DEBITED_TOTAL, FAILED_COUNT,
            FAILED_TOTAL, RESULT_SUMMARY, RECONCILED_AT).from(BATCHES);
    }

    private static BatchView view(Record r) {
        return new BatchView(r.get(ID), r.get(BATCH_NUMBER), YearMonth.from(r.get(PERIOD)).toString(), r.get(DEBIT_DATE).toString(),
            r.get(CHARGE_COUNT), r.get(TOTAL), r.get(STATUS), r.get(DEBITED_COUNT), r.get(DEBITED_TOTAL), r.get(FAILED_COUNT),
            r.get(FAILED_TOTAL), DebitResults.CodeLine.parse(r.get(RESULT_SUMMARY)),
            r.get(RECONCILED_AT) == null ? null : r.get(RECONCILED_AT).toString());
    }
}
