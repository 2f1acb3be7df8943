package org.tomoni.platform.giving;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.TenantScope;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Records staged per statement (four array parameters each): bounds the memory a large file holds at once. */
    private static final int CHUNK = 20_000;
    private final TenantTransactions tx;
    private final TenantRegistry tenants;
    private final GiftNotices notices;
    private final DonorLinks links;
    private final AuditTrail audit;
    private final Clock clock;

    DebitResults(TenantTransactions tx, TenantRegistry tenants, GiftNotices notices, DonorLinks links, AuditTrail audit, AccessPolicy policy,
                 Clock clock) {
        this.clock = clock;
        this.policy = policy;
        this.tx = tx;
        this.tenants = tenants;
        this.notices = notices;
        this.links = links;
        this.audit = audit;
    }

    public Outcome<DebitBatches.BatchView> reconcile(Actor actor, UUID batchId, InputStream upload) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        var batch = tx.read(actor, scope -> DebitBatches.find(scope, batchId));
        if (batch.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        // Before the debit date the bank has debited nothing: a result then is refused before anything is staged.
        if (GivingRules.debitDateReached(LocalDate.parse(batch.get().debitDate()), GivingRules.today(clock))
            instanceof Outcome.Rejected<Void> early) {
            return early.cast();
        }
        Path file = spool(upload);
        try {
            ZenginResultFile.Problem problem = ZenginResultFile.read(Files.newInputStream(file), r -> { });
            if (problem != null) {
                return rejectedFile(problem);
            }
            return tx.write(actor, scope -> apply(scope, batchId, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            file.toFile().delete();
        }
    }

    private Outcome<DebitBatches.BatchView> apply(TenantScope scope, UUID batchId, Path file) {
        // The batch row is locked for the whole reconciliation: a second upload of the same result waits here, then
        // reads the batch as the first left it (reconciled) and is refused, so nothing is applied or mailed twice.
        if (!DebitBatchRepository.lock(scope, batchId)) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        var batch = DebitBatches.find(scope, batchId);
        if (batch.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        if (!DebitBatchStatus.of(batch.get().status()).canBecome(DebitBatchStatus.RECONCILED)) {
            return new Outcome.Rejected<>(ErrorCode.DUPLICATE, List.of(FieldError.of("batch", "already_reconciled")));
        }
        DebitBatchRepository.openStaging(scope);
        stage(scope, batchId, file);
        DebitBatchRepository.planForTheWholeBatch(scope);
        Outcome<DebitBatches.BatchView> mismatch = mismatch(scope, batchId, batch.get().count());
        if (mismatch != null) {
            return mismatch;
        }
        Map<Short, String> reasons = new LinkedHashMap<>();
        for (Code c : Code.values()) {
            reasons.put((short) c.code, c.code + ": " + c.label);
        }
        ChargeRepository.applyResults(scope, batchId, (short) Code.DEBITED.code, reasons);
        Donations.fromBatch(scope, batchId, LocalDate.parse(batch.get().debitDate()));
        // Recovery first: the gifts in error are then only last months' few, and each is looked up by its unique
        // (period, gift) charge; after failing gifts the planner's stale estimate would drive a scan per failed gift.
        BilledGiftRepository.recoverFromBatch(scope, batchId, LocalDate.parse(batch.get().period() + "-01"));
        // The rest reads the few failed charges, each gift by its key: nested loops are right again.
        DebitBatchRepository.planForFewRows(scope);
        ChargeRepository.copyFailed(scope, batchId);
        Set<Short> retry = Arrays.stream(Code.values()).filter(c -> c.retry).map(c -> (short) c.code).collect(Collectors.toSet());
        BilledGiftRepository.failFromBatch(scope, retry);
        List<CodeLine> lines = DebitBatchRepository.byCode(scope, batchId).stream().map(x -> {
            Code c = Code.of(x.code());
            return new CodeLine(c.code, c.label, x.count(), x.total(), c.retry);
        }).toList();
        int debited = lines.stream().filter(l -> l.code() == 0).mapToInt(CodeLine::count).sum();
        long debitedTotal = lines.stream().filter(l -> l.code() == 0).mapToLong(CodeLine::total).sum();
        DebitBatchRepository.reconciled(scope, batchId, debited, debitedTotal, batch.get().count() - debited, batch.get().total() - debitedTotal,
            CodeLine.format(lines));
        audit.record(scope, "debit_batch.reconcile", "debit_batch", batchId, Result.SUCCESS);
        tell(scope, batch.get());
        return Outcome.ok(DebitBatches.find(scope, batchId).orElseThrow());
    }

    /** Streams the file's data records into the staging table, {@link #CHUNK} records per statement. */
    private static void stage(TenantScope scope, UUID batchId, Path file) throws UncheckedIOException {
        List<DebitBatchRepository.Result> chunk = new ArrayList<>(CHUNK);
        try (InputStream in = Files.newInputStream(file)) {
            ZenginResultFile.read(in, r -> {
                chunk.add(new DebitBatchRepository.Result(r.record(), r.customerNumber(), r.amount(), (short) r.code()));
                if (chunk.size() == CHUNK) {
                    DebitBatchRepository.stage(scope, batchId, chunk);
                    chunk.clear();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DebitBatchRepository.stage(scope, batchId, chunk);
    }

    /** The first record that does not match the batch, or a count that differs; null when the file is the batch's. */
    private static Outcome<DebitBatches.BatchView> mismatch(TenantScope scope, UUID batchId, int expected) {
        var unknown = ChargeRepository.firstMismatch(scope, batchId);
        if (unknown.isPresent()) {
            String field = unknown.get().unknownCustomer() ? "顧客番号" : "引落金額";
            return rejectedFile(new ZenginResultFile.Problem(unknown.get().record(), field,
                unknown.get().unknownCustomer() ? "not_in_batch" : "amount_differs"));
        }
        DebitBatchRepository.Staged staged = DebitBatchRepository.staged(scope, batchId);
        if (staged.repeated() > 0) {
            return rejectedFile(new ZenginResultFile.Problem(staged.firstRecord(), "顧客番号", "repeated"));
        }
        if (staged.count() != expected) {
            return rejectedFile(new ZenginResultFile.Problem(staged.count() + 2, "合計件数", "batch_count", staged.count(), expected));
        }
        return null;
    }

    /**
     * Queues, in the reconciliation's own transaction, a mail to each failed debit's donor and one digest to the
     * staff listing them all; what they need is read in one query.
     */
    private void tell(TenantScope scope, DebitBatches.BatchView batch) {
        Tenant tenant = tenants.findById(scope.tenantId()).orElseThrow();
        List<GiftNotices.Failure> failed = BilledGiftRepository.failedDebits(scope).stream().map(f -> new GiftNotices.Failure(
            new GiftNotices.About(tenant.nameJa(), f.donorName(), f.email(), f.giftNumber(), f.planName(), f.units(), f.amount(), f.interval(),
                f.method(), links.url(scope.tenantId(), f.giftId())), f.reason())).toList();
        String staff = GivingSettings.find(scope).staffEmail();
        failed.forEach(f -> notices.failed(scope, f.about(), f.reason()));
        notices.failedDigest(scope, staff, batch.batchNumber(), batch.debitDate(), failed);
    }

    /** A refused file: the error names record and field; its message ({@code field.zengin_<code>}) is in the reader's language. */
    private static Outcome<DebitBatches.BatchView> rejectedFile(ZenginResultFile.Problem p) {
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(p.record()));
        args.addAll(p.args());
        return new Outcome.Rejected<>(ErrorCode.UNPROCESSABLE_FILE, List.of(new FieldError(p.field(), "zengin_" + p.code(), null, p.record(), args)));
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
