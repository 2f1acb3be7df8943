package org.tomoni.platform.giving;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.persistence.Counters;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.Actor;
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

/**
 * Direct-debit collection batches: a run's pending direct-debit charges gathered under one debit
 * date (the tenant's debit day moved to the next bank business day), and the Zengin request file
 * written from them, streamed from a cursor so 100,000 debits need constant memory.
 */
@Singleton
public class DebitBatches {
    private static final int FETCH_SIZE = 2000;
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final SecretBox secrets;
    private final GivingSettings givingSettings;

    DebitBatches(TenantTransactions tx, SecretBox secrets, GivingSettings givingSettings, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.givingSettings = givingSettings;
        this.secrets = secrets;
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
    void collect(TenantScope scope, UUID runId, YearMonth month) {
        LocalDate period = month.atDay(1);
        ChargeRepository.Totals totals = ChargeRepository.unbatched(scope, period);
        if (totals.count() == 0) {
            return;
        }
        var settings = GivingSettings.find(scope);
        UUID id = Ids.newId();
        long number = Counters.next(scope, "debit_batch");
        DebitBatchRepository.insert(scope, id, number, runId, period, BankCalendar.debitDate(month, settings.debitDay()), totals.count(),
            totals.amount());
        ChargeRepository.assignBatch(scope, period, id);
    }

    /** The batches of each of the periods, in one query. */
    static Map<LocalDate, List<BatchSummary>> ofPeriods(TenantScope scope, Collection<LocalDate> periods) {
        Map<LocalDate, List<BatchSummary>> byPeriod = new HashMap<>();
        DebitBatchRepository.ofPeriods(scope, periods).forEach(b -> byPeriod.computeIfAbsent(b.period(), p -> new ArrayList<>())
            .add(new BatchSummary(b.id(), b.batchNumber(), b.debitDate().toString(), b.count(), b.total(), b.status().code())));
        return byPeriod;
    }

    public Outcome<Page<BatchView>> list(Actor actor, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> Outcome.ok(Page.of(DebitBatchRepository.page(scope, page).stream().map(DebitBatches::view).toList(),
            DebitBatchRepository.count(scope), page)));
    }

    public Outcome<BatchView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> find(scope, id).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** The batch's debits in the request file's order (customer number); a batch the tenant does not have is not found. */
    public Outcome<Page<Charges.ChargeView>> debits(Actor actor, UUID id, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> {
            if (DebitBatchRepository.find(scope, id).isEmpty()) {
                return Outcome.<Page<Charges.ChargeView>>rejected(ErrorCode.NOT_FOUND);
            }
            var filter = new ChargeRepository.Filter(null, null, id, null, null, null, null);
            return Outcome.ok(Page.of(ChargeRepository.page(scope, filter, page).stream().map(Charges::view).toList(),
                ChargeRepository.count(scope, filter), page));
        });
    }

    private static final Map<String, String> STATUS_JA = Map.of("pending", "未収", "submitted", "依頼済", "collected", "振替済", "failed", "振替不能");

    /**
     * The batch's debits as CSV (who, member number, bank and branch codes, masked account, amount, status, the bank's
     * code and reason), in the request file's order. The account number stays masked.
     */
    public Outcome<byte[]> debitsCsv(Actor actor, UUID id, org.tomoni.platform.shared.ExcelCsv.Encoding encoding) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> {
            Optional<BatchView> batch = find(scope, id);
            if (batch.isEmpty()) {
                return Outcome.<byte[]>rejected(ErrorCode.NOT_FOUND);
            }
            var filter = new ChargeRepository.Filter(null, null, id, null, null, null, null);
            List<Charges.ChargeView> rows = ChargeRepository.page(scope, filter, new PageRequest(0, Math.max(1, batch.get().count())))
                .stream().map(Charges::view).toList();
            return org.tomoni.platform.shared.ExcelCsv.export(encoding, List.of("氏名", "会員番号", "金融機関コード", "支店コード", "口座番号",
                "金額", "状態", "結果コード", "結果"), printer -> {
                for (Charges.ChargeView r : rows) {
                    printer.printRecord(org.tomoni.platform.shared.ExcelCsv.cell(r.name()), r.memberNumber() == null ? "" : r.memberNumber(),
                        r.bankCode(), r.branchCode(), r.accountMask(), r.amount(), STATUS_JA.getOrDefault(r.status(), r.status()),
                        r.resultCode() == null ? "" : r.resultCode(), org.tomoni.platform.shared.ExcelCsv.cell(r.failure()));
                }
            });
        });
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
        return tx.read(actor, scope -> {
            Optional<BatchView> batch = find(scope, id);
            if (batch.isEmpty()) {
                return Outcome.<RequestFile>rejected(ErrorCode.NOT_FOUND);
            }
            var settings = GivingSettings.find(scope);
            if (!settings.debitReady()) {
                return Outcome.<RequestFile>invalid(List.of(FieldError.of("settings", "debit_settings")));
            }
            var own = givingSettings.collectionAccount(scope).orElseThrow();
            var consignor = new ZenginDebitFile.Consignor(settings.consignorCode(), settings.consignorKana(), own.bankCode(),
                own.branchCode(), own.accountType(), own.accountNumber());
            try {
                Path file = Files.createTempFile("zengin-", ".txt");
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                     var rows = ChargeRepository.debits(scope, id, FETCH_SIZE)) {
                    ZenginDebitFile.write(out, consignor, LocalDate.parse(batch.get().debitDate()), debits(rows));
                }
                return Outcome.ok(new RequestFile(file, "furikae-" + batch.get().batchNumber() + "-" + batch.get().debitDate() + ".txt"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Maps each row to a debit as it is read; the account number is decrypted only here, on its way into the file. */
    private Iterator<ZenginDebitFile.Debit> debits(ChargeRepository.DebitRows rows) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ZenginDebitFile.Debit next() {
                ChargeRepository.DebitRow r = rows.next();
                String number = secrets.decrypt(r.sealedNumber())
                    .orElseThrow(() -> new IllegalStateException("an account number cannot be decrypted with this key"));
                // 新規コード: 1 for the gift's first month (the bank checks the new mandate), 0 afterwards.
                char newCode = r.period().equals(r.startMonth()) ? '1' : '0';
                return new ZenginDebitFile.Debit(r.bankCode(), r.branchCode(), r.accountType(), number, r.holderKana(), r.amount(), newCode,
                    r.customerNumber());
            }
        };
    }

    static Optional<BatchView> find(TenantScope scope, UUID id) {
        return DebitBatchRepository.find(scope, id).map(DebitBatches::view);
    }

    private static BatchView view(DebitBatchRepository.BatchRow b) {
        return new BatchView(b.id(), b.batchNumber(), YearMonth.from(b.period()).toString(), b.debitDate().toString(), b.count(), b.total(),
            b.status().code(), b.debitedCount(), b.debitedTotal(), b.failedCount(), b.failedTotal(), DebitResults.CodeLine.parse(b.resultSummary()),
            b.reconciledAt() == null ? null : b.reconciledAt().toString());
    }
}
