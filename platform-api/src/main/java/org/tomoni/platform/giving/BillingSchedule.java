package org.tomoni.platform.giving;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Starts each giving tenant's monthly billing run by itself, through db-scheduler: the schedule
 * lives in the database, and a due execution is picked by exactly one node (row lock and
 * version), so several nodes make one run. Every hour each tenant past its run day whose month
 * has no run yet gets one; the run itself is idempotent, so a retry after a crash is harmless.
 */
@Context
@Requires(property = "platform.scheduler.enabled", value = "true", defaultValue = "true")
public class BillingSchedule {
    static final String TASK = "monthly-billing";
    private static final Logger LOG = LoggerFactory.getLogger(BillingSchedule.class);
    private final Scheduler scheduler;
    private final TenantRegistry tenants;
    private final TenantTransactions tx;
    private final BillingRuns runs;
    private final Clock clock;

    BillingSchedule(DataSource dataSource, TenantRegistry tenants, TenantTransactions tx, BillingRuns runs, Clock clock,
                    @Value("${platform.scheduler.every:1h}") Duration every) {
        this.tenants = tenants;
        this.tx = tx;
        this.runs = runs;
        this.clock = clock;
        RecurringTask<Void> task = Tasks.recurring(TASK, Schedules.fixedDelay(every)).execute((instance, context) -> runDue());
        // The pool itself, not Micronaut's transaction-bound proxy: the scheduler manages its own connections.
        scheduler = Scheduler.create(DelegatingDataSource.unwrapDataSource(dataSource)).startTasks(task).threads(1).pollingInterval(Duration.ofSeconds(10))
            .build();
        scheduler.start();
    }

    /** Runs the current month for every giving tenant whose run day has come and whose month has no run; returns how many ran. */
    public int runDue() {
        LocalDate today = LocalDate.now(clock.withZone(PublicGiving.TOKYO));
        int ran = 0;
        for (Tenant t : tenants.all()) {
            if (t.settings().enables(Module.GIVING) && due(t, today)) {
                Outcome<BillingRuns.RunView> run = runs.run(NarrowActors.job("scheduler", t, Capability.BILLING_RUN), YearMonth.from(today).toString());
                LOG.info("Scheduled billing run for {} {}: {}", t.slug(), YearMonth.from(today), run.isOk() ? "done" : run);
                ran++;
            }
        }
        return ran;
    }

    private boolean due(Tenant t, LocalDate today) {
        return tx.read(NarrowActors.job("scheduler", t, Capability.BILLING_RUN), scope -> today.getDayOfMonth()
            >= GivingSettings.find(scope).runDay() && !BillingRunRepository.exists(scope, today.withDayOfMonth(1)));
    }

    @PreDestroy
    void stop() {
        scheduler.stop();
    }
}
