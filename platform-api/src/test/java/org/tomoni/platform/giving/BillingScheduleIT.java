package org.tomoni.platform.giving;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The monthly run starts by itself from the persistent schedule, and two nodes on one database execute a due task once. */
@MicronautTest(transactional = false)
class BillingScheduleIT extends PlatformTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.scheduler.enabled", "true", "platform.scheduler.every", "1s");
    }

    @Test
    void the_schedule_runs_a_due_tenants_month_once_by_itself() throws Exception {
        TestTenant t = tenants().create("sched-fund", "grant_fund");
        var saved = api().put("/api/v1/giving/settings", t.adminToken(), Map.of("runDay", 1), Map.of("If-Match", "\"0\""));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        String month = YearMonth.now(ZoneId.of("Asia/Tokyo")).atDay(1).toString();
        Instant deadline = Instant.now().plusSeconds(30);
        while (runs(t, month) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(runs(t, month)).isEqualTo(1);
        Thread.sleep(3_000);
        assertThat(runs(t, month)).as("later executions find the month done").isEqualTo(1);
    }

    @Test
    void two_schedulers_on_one_database_execute_a_due_task_exactly_once() throws Exception {
        AtomicInteger executions = new AtomicInteger();
        OneTimeTask<Void> task = Tasks.oneTime("cluster-check").execute((instance, ctx) -> {
            executions.incrementAndGet();
            sleep(500);
        });
        DataSource ds = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        Scheduler first = Scheduler.create(ds, task).threads(2).pollingInterval(Duration.ofMillis(100)).schedulerName(
            new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("node-a")).build();
        Scheduler second = Scheduler.create(ds, task).threads(2).pollingInterval(Duration.ofMillis(100)).schedulerName(
            new com.github.kagkarlsson.scheduler.SchedulerName.Fixed("node-b")).build();
        first.schedule(task.instance("january"), Instant.now());
        first.start();
        second.start();
        try {
            Instant deadline = Instant.now().plusSeconds(20);
            while (executions.get() == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            Thread.sleep(2_000);
            assertThat(executions.get()).isEqualTo(1);
        } finally {
            first.stop();
            second.stop();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int runs(TestTenant t, String period) throws Exception {
        try (var c = ownerConnection(t.id()); var s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from billing_runs where period = '" + period + "'")) {
            r.next();
            return r.getInt(1);
        }
    }
}
