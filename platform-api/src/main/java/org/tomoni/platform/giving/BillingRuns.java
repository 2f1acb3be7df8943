package org.tomoni.platform.giving;

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
import org.tomoni.platform.shared.Fresh;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A billing run for a period creates exactly one charge per active, unpaused gift due in it, in
 * one set-based statement, and one fee per membership due (as the memberships package says), in
 * another. The idempotency key (tenant, period, gift or membership) makes it idempotent: running
 * the period again, or after a crash, creates no duplicate and misses none.
 */
@Singleton
public class BillingRuns {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final TenantRegistry tenants;
    private final DebitBatches batches;
    private final CardCharges cards;

    BillingRuns(TenantTransactions tx, AuditTrail audit, TenantRegistry tenants, DebitBatches batches, CardCharges cards, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
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
        Outcome<RunView> outcome = tx.write(actor, scope -> {
            UUID runId = Ids.newId();
            BillingRunRepository.start(scope, runId, period);
            int created = ChargeRepository.chargeGifts(scope, runId, period);
            int fees = ChargeRepository.chargeDues(scope, runId, period, fiscalStart);
            long total = ChargeRepository.ofRun(scope, runId, period).amount();
            batches.collect(scope, runId, month);
            BillingRunRepository.complete(scope, runId, created + fees, fees, total);
            audit.record(scope, "billing_run.run", "billing_run", runId, Result.SUCCESS);
            return Outcome.ok(runId);
        }).map(runId -> {
            CardCharges.Summary card = cards.chargePending(actor, period);
            return tx.read(actor, scope -> find(scope, runId, card).orElseThrow());
        });
        return outcome;
    }

    public Outcome<RunView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> find(scope, id, null).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<Page<RunView>> list(Actor actor, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> Outcome.ok(Page.of(views(scope, BillingRunRepository.page(scope, page), null),
            BillingRunRepository.count(scope), page)));
    }

    private static Optional<RunView> find(TenantScope scope, UUID id, CardCharges.Summary card) {
        return BillingRunRepository.find(scope, id).flatMap(r -> views(scope, List.of(r), card).stream().findFirst());
    }

    /** Runs with where their periods stand (charges and yen in all, batches): three queries for any number of runs. */
    private static List<RunView> views(TenantScope scope, List<BillingRunRepository.RunRow> runs, CardCharges.Summary card) {
        Set<LocalDate> periods = runs.stream().map(BillingRunRepository.RunRow::period).collect(Collectors.toSet());
        Map<LocalDate, ChargeRepository.Totals> totals = ChargeRepository.ofPeriods(scope, periods);
        Map<LocalDate, List<DebitBatches.BatchSummary>> batches = DebitBatches.ofPeriods(scope, periods);
        return runs.stream().map(r -> {
            ChargeRepository.Totals t = totals.getOrDefault(r.period(), ChargeRepository.Totals.NONE);
            return new RunView(r.id(), YearMonth.from(r.period()).toString(), r.status().code(), r.chargesCreated(), r.totalCreated(),
                r.feesCreated(), t.count(), t.amount(), r.startedAt().toString(), r.finishedAt() == null ? null : r.finishedAt().toString(),
                batches.getOrDefault(r.period(), List.of()), card);
        }).toList();
    }
}
