package org.tomoni.platform.bench;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.giving.BillingRuns;
import org.tomoni.platform.onboarding.TenantOnboarding;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark: a billing run over 1,000,000 active gifts in four tenants, through the service
 * (tenant bound, run bookkeeping, audit), against the same {@code INSERT … SELECT … ON CONFLICT}
 * into a lean table of the same columns that keeps only what correctness needs (the idempotency
 * unique key and RLS), over JDBC in the same process, on the same durable server
 * ({@link TestDatabase#durable()}); then the repeated run, which must create 0 rows.
 * {@code -Dbench.gifts=100000} runs a smaller size (all gifts, split over the four tenants).
 */
class BillingRunBench {
    private static final int TENANTS = 4;
    private static final int GIFTS_PER_TENANT = Integer.getInteger("bench.gifts", 1_000_000) / TENANTS;

    @Test
    void a_million_gift_billing_run_against_a_bare_insert_select() throws Exception {
        TestDatabase server = TestDatabase.durable();
        DatabaseLogins db = server.newDatabase();
        System.out.println("server: " + server.writeSettings() + "; " + load());
        Map<String, Object> props = new HashMap<>(db.runtimeDatasource(10));
        props.put("platform.security.password-iterations", 1000);
        props.put("platform.scheduler.enabled", false);
        props.put("platform.data-dir", java.nio.file.Files.createTempDirectory("bench").toString());
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            Actor operator = new Actor(null, "bench", null, null, Set.of(Role.PLATFORM_OPERATOR), null);
            List<Actor> admins = new ArrayList<>();
            for (int i = 0; i < TENANTS; i++) {
                var t = ctx.getBean(TenantOnboarding.class).onboard(operator, new TenantOnboarding.Request("billing-" + i, "請求" + i,
                    "Billing " + i, "grant_fund", null, new TenantOnboarding.NewAdmin("admin", null, "bench-password-123"))).orThrow();
                admins.add(new Actor(t.admin().user().id(), "admin", t.tenant().id(), t.tenant().slug(), Set.of(Role.TENANT_ADMIN), null));
            }
            long seed = System.nanoTime();
            seed(db, admins);
            System.out.printf("seeded %,d gifts in %.1f s%n", TENANTS * GIFTS_PER_TENANT, (System.nanoTime() - seed) / 1e9);

            BillingRuns runs = ctx.getBean(BillingRuns.class);
            long t0 = System.nanoTime();
            long created = 0;
            for (Actor admin : admins) {
                created += runs.run(admin, "2027-01").orThrow().created();
            }
            double service = (System.nanoTime() - t0) / 1e9;
            assertThat(created).isEqualTo((long) TENANTS * GIFTS_PER_TENANT);

            long t1 = System.nanoTime();
            long repeated = 0;
            for (Actor admin : admins) {
                repeated += runs.run(admin, "2027-01").orThrow().created();
            }
            double repeat = (System.nanoTime() - t1) / 1e9;
            assertThat(repeated).isZero();

            double baseline = leanInsertSelect(db, admins);
            System.out.println();
            System.out.println("| measure (" + String.format("%,d", created) + " gifts) | seconds | rows/s | ratio to baseline |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| billing run (service) | %.2f | %,.0f | %.2f |%n", service, created / service, service / baseline);
            System.out.printf("| lean table: INSERT … SELECT … ON CONFLICT, same rows (baseline) | %.2f | %,.0f | 1.00 |%n", baseline,
                created / baseline);
            System.out.printf("| repeated run, 0 rows created | %.2f | — | %.2f |%n", repeat, repeat / baseline);
            System.out.println("after: " + load());
        }
    }

    private static void seed(DatabaseLogins db, List<Actor> admins) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()); Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
            for (Actor admin : admins) {
                UUID t = admin.tenantId();
                s.execute("select set_config('app.tenant_id', '" + t + "', false)");
                s.execute("insert into gift_plans (tenant_id, id, name, unit_amount, interval, created_at, created_by, updated_at, updated_by) "
                    + "values ('" + t + "', '" + t + "', 'サポーター', 300, 'monthly', now(), 'b', now(), 'b')");
                s.execute("insert into people (tenant_id, id, family_name, given_name, family_name_kana, given_name_kana, sort_key, search_text, "
                    + "created_at, created_by, updated_at, updated_by) select '" + t + "', gen_random_uuid(), '寄付', n::text, 'キフ', 'シャ', "
                    + "'キフ', '寄付', now(), 'b', now(), 'b' from generate_series(1, " + GIFTS_PER_TENANT + ") n");
                s.execute("insert into recurring_gifts (tenant_id, id, gift_number, person_id, plan_id, units, payment_method, start_month, status, "
                    + "created_at, created_by, updated_at, updated_by) select tenant_id, gen_random_uuid(), row_number() over (), id, '" + t
                    + "', 1 + (row_number() over ()) % 3, 'direct_debit', date '2026-04-01', 'active', now(), 'b', now(), 'b' from people where tenant_id = '"
                    + t + "'");
            }
            s.execute("analyze");
        }
    }

    /** The machine's load when the figures were taken (two shared cores: other builds show here). */
    static String load() {
        return String.format("load average %.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The baseline: the run's statement (same columns, same period, same values) into {@code lean_charges}, a table of
     * charges' columns with only the idempotency unique key and forced RLS; one statement per tenant, as the runtime role.
     */
    private static double leanInsertSelect(DatabaseLogins db, List<Actor> admins) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()); Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
            s.execute("create table lean_charges (like charges including defaults)");
            s.execute("create unique index lean_charges_key on lean_charges (tenant_id, gift_id, period)");
            s.execute("select app.enable_tenant_rls('lean_charges')");
            s.execute("grant select, insert, update, delete on lean_charges to " + db.appUser());
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set search_path to tomoni");
            }
            long t = System.nanoTime();
            for (Actor admin : admins) {
                try (PreparedStatement bind = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    bind.setString(1, admin.tenantId().toString());
                    bind.execute();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into lean_charges (tenant_id, id, gift_id, period, amount, method, "
                    + "status, run_id, created_at, created_by, updated_at, updated_by, person_id, kind, customer_number) "
                    + "select g.tenant_id, gen_random_uuid(), g.id, date '2027-01-01', p.unit_amount * g.units, g.payment_method, 'pending', "
                    + "null, now(), 'raw', now(), 'raw', g.person_id, 'donation', lpad(g.gift_number::text, 20, '0') "
                    + "from recurring_gifts g join gift_plans p on p.tenant_id = g.tenant_id and p.id = g.plan_id "
                    + "where g.tenant_id = ? and (g.status = 'active' or (g.status = 'error' and g.retry_next_run)) "
                    + "and g.start_month <= date '2027-01-01' and (p.interval = 'monthly' or (p.interval = 'yearly' and "
                    + "extract(month from g.start_month) = 1) or (p.interval = 'once' and g.start_month = date '2027-01-01')) "
                    + "on conflict (tenant_id, gift_id, period) do nothing")) {
                    ps.setObject(1, admin.tenantId());
                    ps.executeUpdate();
                }
                c.commit();
            }
            return (System.nanoTime() - t) / 1e9;
        }
    }
}
