package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every charge of a run, by run, method, person and status, each with where it stands and why: a direct debit in its
 * batch, one whose gift has no bank account yet (never batched until the account is added and the period run again),
 * a card charge awaiting the gateway, and a membership fee paid by bank transfer, which no batch ever takes: it waits
 * until staff record the transfer received ({@link #recordTransfer}), which makes it money received.
 */
@Singleton
public class Charges {
    static final List<String> METHODS = List.of(ChargeRepository.DIRECT_DEBIT, ChargeRepository.CARD, "bank_transfer");
    private static final String HIDDEN = "＊＊＊";
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    Charges(TenantTransactions tx, AuditTrail audit, AccessPolicy policy, Clock clock) {
        this.tx = tx;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    /** What narrows the list; null or blank does not narrow. Ids that are no UUID match nothing. */
    public record Query(@Nullable String runId, @Nullable String batchId, @Nullable String method, @Nullable String status,
                        @Nullable String personId, @Nullable String name) {
        public static Query ofRun(UUID runId) {
            return new Query(runId.toString(), null, null, null, null, null);
        }

        public static Query ofBatch(UUID batchId) {
            return new Query(null, batchId.toString(), null, null, null, null);
        }

        public static Query ofPerson(UUID personId) {
            return new Query(null, null, null, null, personId.toString(), null);
        }
    }

    /**
     * A charge. {@code name} is the person's or the organisation's ({@code ＊＊＊} for a sensitive person);
     * {@code standing} says why it is where it is: {@code in_batch}, {@code no_bank_account}, {@code not_batched}
     * (run the period again), {@code card_pending}, {@code awaiting_transfer}, {@code submitted}, or null once settled;
     * {@code resultCode} the bank's code of a reconciled debit; bank and branch codes and {@code accountMask}
     * ({@code ****567}) for a direct debit.
     */
    @Serdeable
    public record ChargeView(UUID id, UUID runId, String period, String kind, String method, String status, long amount, UUID personId,
                             UUID organizationId, String name, Long memberNumber, UUID batchId, Long batchNumber, Integer resultCode,
                             String failure, String standing, String bankCode, String branchCode, String accountMask) {
    }

    @Serdeable
    public record Total(String method, String status, long count, long amount) {
    }

    /** The filtered charges in all, and by method and status. */
    @Serdeable
    public record Totals(long count, long amount, List<Total> byMethodAndStatus) {
    }

    @Serdeable
    public record TransferRequest(@Nullable String receivedOn) {
    }

    public Outcome<Page<ChargeView>> list(Actor actor, Query q, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = checked(q);
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return tx.read(actor, scope -> filter(scope, q)
            .map(f -> Outcome.ok(Page.of(ChargeRepository.page(scope, f, page).stream().map(Charges::view).toList(),
                ChargeRepository.count(scope, f), page)))
            .orElseGet(() -> Outcome.ok(Page.of(List.of(), 0, page))));
    }

    public Outcome<ChargeView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> ChargeRepository.find(scope, id).map(l -> Outcome.ok(view(l)))
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<Totals> totals(Actor actor, Query q) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = checked(q);
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return tx.read(actor, scope -> {
            List<Total> lines = filter(scope, q).map(f -> ChargeRepository.totals(scope, f)).orElse(List.of()).stream()
                .map(t -> new Total(t.method(), t.status(), t.count(), t.amount())).toList();
            return Outcome.ok(new Totals(lines.stream().mapToLong(Total::count).sum(), lines.stream().mapToLong(Total::amount).sum(), lines));
        });
    }

    /**
     * A fee (or gift) charged by bank transfer is paid when the transfer arrives: staff record the day it was received
     * (not after today), the charge becomes collected and money received, once. Any other method, or a charge no longer
     * pending, is refused ({@code charge}: {@code not_transfer}, {@code not_pending}).
     */
    public Outcome<ChargeView> recordTransfer(Actor actor, UUID id, TransferRequest r) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate received = Fields.into(errors).date("receivedOn", r == null ? null : r.receivedOn(), true, GivingRules.today(clock));
        return tx.write(actor, scope -> {
            Optional<ChargeRepository.Line> line = ChargeRepository.find(scope, id);
            if (line.isEmpty()) {
                return Outcome.<ChargeView>rejected(ErrorCode.NOT_FOUND);
            }
            if (!errors.isEmpty()) {
                return Outcome.<ChargeView>invalid(errors);
            }
            if (!"bank_transfer".equals(line.get().method())) {
                return Outcome.<ChargeView>invalid(List.of(FieldError.of("charge", "not_transfer")));
            }
            if (ChargeRepository.settle(scope, id, ChargeStatus.COLLECTED, null) == 0) {
                return new Outcome.Rejected<ChargeView>(ErrorCode.DUPLICATE, List.of(FieldError.of("charge", "not_pending")));
            }
            Donations.fromCharge(scope, id, received);
            audit.record(scope, "charge.transfer_received", "charge", id, Result.SUCCESS);
            return Outcome.ok(view(ChargeRepository.find(scope, id).orElseThrow()));
        });
    }

    private static List<FieldError> checked(Query q) {
        List<FieldError> errors = new ArrayList<>();
        if (blankToNull(q.method()) != null && !METHODS.contains(q.method())) {
            errors.add(FieldError.of("method", "choice"));
        }
        if (blankToNull(q.status()) != null && Arrays.stream(ChargeStatus.values()).noneMatch(s -> s.code().equals(q.status()))) {
            errors.add(FieldError.of("status", "choice"));
        }
        return errors;
    }

    /** The repository's filter, or empty when an id names nothing of the tenant (no such run: no charges). */
    private static Optional<ChargeRepository.Filter> filter(TenantScope scope, Query q) {
        UUID runId = null;
        LocalDate runPeriod = null;
        if (blankToNull(q.runId()) != null) {
            Optional<BillingRunRepository.RunRow> run = Ids.parse(q.runId()).flatMap(id -> BillingRunRepository.find(scope, id));
            if (run.isEmpty()) {
                return Optional.empty();
            }
            runId = run.get().id();
            runPeriod = run.get().period();
        }
        UUID batchId = null;
        if (blankToNull(q.batchId()) != null) {
            Optional<UUID> batch = Ids.parse(q.batchId());
            if (batch.isEmpty()) {
                return Optional.empty();
            }
            batchId = batch.get();
        }
        UUID personId = null;
        if (blankToNull(q.personId()) != null) {
            Optional<UUID> person = Ids.parse(q.personId());
            if (person.isEmpty()) {
                return Optional.empty();
            }
            personId = person.get();
        }
        return Optional.of(new ChargeRepository.Filter(runId, runPeriod, batchId, blankToNull(q.method()), blankToNull(q.status()), personId,
            blankToNull(q.name())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static ChargeView view(ChargeRepository.Line l) {
        return new ChargeView(l.id(), l.runId(), YearMonth.from(l.period()).toString(), l.kind(), l.method(), l.status(), l.amount(),
            l.personId(), l.organizationId(), l.sensitive() ? HIDDEN : l.name(), l.memberNumber(), l.batchId(), l.batchNumber(),
            l.resultCode() == null ? null : l.resultCode().intValue(), l.failure(), standing(l), l.bankCode(), l.branchCode(), l.accountMask());
    }

    /** Why a charge is where it is (null once settled). */
    static String standing(ChargeRepository.Line l) {
        ChargeStatus status = ChargeStatus.of(l.status());
        if (status == ChargeStatus.SUBMITTED) {
            return "submitted";
        }
        if (status != ChargeStatus.PENDING) {
            return null;
        }
        return switch (l.method()) {
            case ChargeRepository.DIRECT_DEBIT -> l.batchId() != null ? "in_batch" : l.hasAccount() ? "not_batched" : "no_bank_account";
            case ChargeRepository.CARD -> "card_pending";
            default -> "awaiting_transfer";
        };
    }
}
