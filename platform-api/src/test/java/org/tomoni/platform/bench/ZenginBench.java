package org.tomoni.platform.bench;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.giving.BillingRuns;
import org.tomoni.platform.giving.DebitBatches;
import org.tomoni.platform.giving.DebitResults;
import org.tomoni.platform.onboarding.TenantOnboarding;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.shared.SecretBox;
import org.tomoni.platform.testing.TestDatabase;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark: the Zengin request file for 100,000 debits and the import of its result, through the
 * services, against raw JDBC doing the same bytes and the same updates in the same process. The
 * peak heap growth while each runs is sampled to show the file is streamed. The import is also
 * compared with the lean baseline: COPY, one UPDATE and one INSERT on tables of the same columns
 * that keep only what correctness needs (the idempotency unique keys and RLS). The server runs
 * with the durable settings ({@link TestDatabase#durable()}).
 */
class ZenginBench {
    private static final int DEBITS = 100_000;
    private static final Charset JIS = Charset.forName("windows-31j");

    @Test
    void a_hundred_thousand_debit_request_file_and_its_result_against_raw_jdbc() throws Exception {
        TestDatabase server = TestDatabase.durable();
        DatabaseLogins db = server.newDatabase();
        System.out.println("server: " + server.writeSettings() + "; " + BillingRunBench.load());
        Map<String, Object> props = new HashMap<>(db.runtimeDatasource(10));
        props.put("platform.security.password-iterations", 1000);
        props.put("platform.scheduler.enabled", false);
        props.put("platform.data-dir", Files.createTempDirectory("bench").toString());
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            Actor operator = new Actor(null, "bench", null, null, Set.of(Role.PLATFORM_OPERATOR), null);
            var t = ctx.getBean(TenantOnboarding.class).onboard(operator, new TenantOnboarding.Request("zengin", "全銀", "Zengin", "grant_fund",
                null, new TenantOnboarding.NewAdmin("admin", null, "bench-password-123"))).orThrow();
            Actor admin = new Actor(t.admin().user().id(), "admin", t.tenant().id(), t.tenant().slug(), Set.of(Role.TENANT_ADMIN), null);
            seed(db, admin.tenantId(), ctx.getBean(SecretBox.class).encrypt("1234567"), ctx.getBean(SecretBox.class).encrypt("7654321"));
            var run = ctx.getBean(BillingRuns.class).run(admin, "2027-01").orThrow();
            UUID batch = run.batches().get(0).id();
            assertThat(run.batches().get(0).count()).isEqualTo(DEBITS);

            Peak peak = new Peak();
            long t0 = System.nanoTime();
            var file = ctx.getBean(DebitBatches.class).requestFile(admin, batch).orThrow();
            double write = (System.nanoTime() - t0) / 1e9;
            long writePeak = peak.stop();
            byte[] request = Files.readAllBytes(file.path());
            Files.delete(file.path());
            assertThat(request.length).isEqualTo((DEBITS + 3) * 122);
            double rawWrite = rawWrite(db, admin.tenantId());

            byte[] result = result(request);
            debitedToday(db, admin.tenantId(), batch);
            peak = new Peak();
            long t1 = System.nanoTime();
            var reconciled = ctx.getBean(DebitResults.class).reconcile(admin, batch, new ByteArrayInputStream(result)).orThrow();
            double read = (System.nanoTime() - t1) / 1e9;
            long readPeak = peak.stop();
            assertThat(reconciled.debitedCount()).isEqualTo(DEBITS - DEBITS / 20);
            double rawRead = rawRead(db, admin.tenantId(), result);
            double leanRead = leanRead(db, admin.tenantId(), result);

            System.out.println();
            System.out.println("| measure (100,000 debits) | seconds | rows/s | ratio to raw JDBC | peak heap growth |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf("| request file (service: cursor, decrypt, Zengin writer) | %.2f | %,.0f | %.2f | %d MB |%n", write, DEBITS / write,
                write / rawWrite, writePeak >> 20);
            System.out.printf("| raw JDBC: same rows to 120-byte records | %.2f | %,.0f | 1.00 | — |%n", rawWrite, DEBITS / rawWrite);
            System.out.printf("| result import (service: check, load, reconcile, donations) | %.2f | %,.0f | %.2f | %d MB |%n", read,
                DEBITS / read, read / rawRead, readPeak >> 20);
            System.out.printf("| raw JDBC on the real tables: COPY results + one UPDATE + one INSERT | %.2f | %,.0f | %.2f | — |%n", rawRead,
                DEBITS / rawRead, rawRead / leanRead);
            System.out.printf("| lean tables (unique keys + RLS only): COPY + UPDATE + INSERT (baseline) | %.2f | %,.0f | 1.00 | — |%n",
                leanRead, DEBITS / leanRead);
            System.out.printf("result import against the lean baseline: %.2f×%n", read / leanRead);
            System.out.println("after: " + BillingRunBench.load());
        }
    }

    /** Samples heap use every 5 ms; the growth over the starting point is what the operation held. */
    private static final class Peak {
        private final AtomicLong max = new AtomicLong();
        private final long start;
        private volatile boolean running = true;
        private final Thread sampler;

        Peak() {
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean();
            start = heap.getHeapMemoryUsage().getUsed();
            sampler = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(heap.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            return Math.max(0, max.get() - start);
        }
    }

    /** A result is read on or after the batch's debit date (2027-01-27 here): the bench reads it as if that day had come. */
    private static void debitedToday(DatabaseLogins db, UUID tenant, UUID batch) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()); Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
            s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            s.execute("update debit_batches set debit_date = (now() at time zone 'Asia/Tokyo')::date where id = '" + batch + "'");
        }
    }

    private static void seed(DatabaseLogins db, UUID t, String sealed, String sealedOwn) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()); Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
            s.execute("select set_config('app.tenant_id', '" + t + "', false)");
            // The collection account is sealed by the application (V20261203_1000), as GivingSettings stores it.
            s.execute("insert into giving_settings (tenant_id, consignor_code, consignor_kana, bank_code, branch_code, account_type, "
                + "account_number_enc, account_number_mask, created_at, created_by, updated_at, updated_by) values ('" + t
                + "', '1234567890', 'ﾄﾓﾆ', '0001', '001', 1, '" + sealedOwn + "', '****321', now(), 'b', now(), 'b')");
            s.execute("insert into gift_plans (tenant_id, id, name, unit_amount, interval, created_at, created_by, updated_at, updated_by) "
                + "values ('" + t + "', '" + t + "', 'サポーター', 300, 'monthly', now(), 'b', now(), 'b')");
            s.execute("insert into people (tenant_id, id, family_name, given_name, family_name_kana, given_name_kana, sort_key, search_text, "
                + "created_at, created_by, updated_at, updated_by) select '" + t + "', gen_random_uuid(), '寄付', n::text, 'キフ', 'シャ', "
                + "'キフ', '寄付', now(), 'b', now(), 'b' from generate_series(1, " + DEBITS + ") n");
            s.execute("insert into recurring_gifts (tenant_id, id, gift_number, person_id, plan_id, units, payment_method, start_month, status, "
                + "bank_code, branch_code, account_type, account_number_enc, account_number_mask, account_holder_kana, source, "
                + "created_at, created_by, updated_at, updated_by) select tenant_id, gen_random_uuid(), row_number() over (), id, '" + t
                + "', 1 + (row_number() over ()) % 3, 'direct_debit', date '2026-04-01', 'active', '0005', '001', 1, '" + sealed
                + "', '****567', 'ｷﾌ ｼﾔ', 'public', now(), 'b', now(), 'b' from people where tenant_id = '" + t + "'");
            s.execute("analyze");
        }
    }

    /** The same rows read over JDBC and written as 120-byte records, without decryption or validation. */
    private static double rawWrite(DatabaseLogins db, UUID t) throws Exception {
        Path out = Files.createTempFile("raw", ".txt");
        try (Connection c = app(db, t); Statement s = c.createStatement()) {
            s.setFetchSize(2000);
            long start = System.nanoTime();
            try (ResultSet r = s.executeQuery("select g.bank_code, g.branch_code, g.account_type, g.account_number_mask, g.account_holder_kana, "
                + "c.amount, c.customer_number from charges c join recurring_gifts g on g.tenant_id = c.tenant_id and g.id = c.gift_id "
                + "where c.tenant_id = '" + t + "' and c.batch_id is not null order by c.customer_number");
                 OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                while (r.next()) {
                    String line = "2" + r.getString(1) + " ".repeat(15) + r.getString(2) + " ".repeat(19) + r.getInt(3)
                        + r.getString(4) + String.format("%-30s", r.getString(5)) + String.format("%010d", r.getLong(6)) + "1"
                        + r.getString(7) + "0" + " ".repeat(8);
                    o.write(line.getBytes(JIS));
                    o.write('\r');
                    o.write('\n');
                }
            }
            c.commit();
            return (System.nanoTime() - start) / 1e9;
        } finally {
            Files.delete(out);
        }
    }

    /** COPY of the results into a temporary table, one UPDATE of the charges and one INSERT of the donations, as the runtime role. */
    private static double rawRead(DatabaseLogins db, UUID t, byte[] result) throws Exception {
        String csv = csv(result);
        try (Connection c = app(db, t); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("create temporary table raw_results (customer_number text, amount bigint, code smallint) on commit drop");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy raw_results from stdin with (format csv)",
                new ByteArrayInputStream(csv.getBytes(JIS)));
            s.execute("update charges c set status = 'pending', result_code = r.code from raw_results r where c.tenant_id = '" + t
                + "' and c.customer_number = r.customer_number");
            s.execute("insert into donations (tenant_id, id, person_id, kind, amount, received_on, method, created_at, created_by, updated_at, updated_by) "
                + "select c.tenant_id, gen_random_uuid(), c.person_id, 'donation', c.amount, date '2027-01-27', c.method, now(), 'raw', now(), 'raw' "
                + "from charges c join raw_results r on r.customer_number = c.customer_number where c.tenant_id = '" + t + "' and r.code = 0");
            double seconds = (System.nanoTime() - start) / 1e9;
            c.rollback();
            return seconds;
        }
    }

    /**
     * The lean baseline: copies of the batch's charges and an empty donations table with the same columns, only the
     * idempotency keys (one charge per gift and period, one donation per charge) and forced RLS; then, timed, the
     * same COPY, the update of the charges by customer number and the insert of the debited ones' donations.
     */
    private static double leanRead(DatabaseLogins db, UUID t, byte[] result) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()); Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
            // Forced RLS applies to the owner too: bind the tenant, or the copy below copies nothing.
            s.execute("select set_config('app.tenant_id', '" + t + "', false)");
            s.execute("create table lean_charges (like charges including defaults)");
            s.execute("create unique index lean_charges_key on lean_charges (tenant_id, gift_id, period)");
            s.execute("select app.enable_tenant_rls('lean_charges')");
            s.execute("create table lean_donations (like donations including defaults)");
            s.execute("create unique index lean_donations_key on lean_donations (tenant_id, charge_id) where charge_id is not null");
            s.execute("select app.enable_tenant_rls('lean_donations')");
            s.execute("grant select, insert, update, delete on lean_charges, lean_donations to " + db.appUser());
            s.execute("insert into lean_charges select * from charges where batch_id is not null");
            s.execute("update lean_charges set status = 'pending', result_code = null, failure = null");
            s.execute("vacuum analyze lean_charges");
            try (ResultSet copied = s.executeQuery("select count(*) from lean_charges")) {
                copied.next();
                assertThat(copied.getInt(1)).as("the lean baseline's charges").isEqualTo(DEBITS);
            }
        }
        String csv = csv(result);
        try (Connection c = app(db, t); Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("create temporary table lean_results (customer_number text, amount bigint, code smallint) on commit drop");
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy lean_results from stdin with (format csv)",
                new ByteArrayInputStream(csv.getBytes(JIS)));
            s.execute("analyze lean_results");
            s.execute("update lean_charges c set status = case when r.code = 0 then 'collected' else 'failed' end, result_code = r.code, "
                + "updated_at = now(), updated_by = 'raw', version = c.version + 1 from lean_results r where c.tenant_id = '" + t
                + "' and c.customer_number = r.customer_number");
            s.execute("insert into lean_donations (tenant_id, id, person_id, kind, amount, received_on, method, charge_id, created_at, "
                + "created_by, updated_at, updated_by) select c.tenant_id, gen_random_uuid(), c.person_id, c.kind, c.amount, date '2027-01-27', "
                + "c.method, c.id, now(), 'raw', now(), 'raw' from lean_charges c where c.tenant_id = '" + t + "' and c.status = 'collected' "
                + "on conflict (tenant_id, charge_id) where charge_id is not null do nothing");
            c.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The result's data records as CSV for COPY: customer number, amount, result code. */
    private static String csv(byte[] result) {
        StringBuilder csv = new StringBuilder();
        for (int i = 122; i + 120 <= result.length - 244; i += 122) {
            String r = new String(result, i, 120, JIS);
            csv.append(r, 91, 111).append(',').append(Long.parseLong(r.substring(80, 90))).append(',').append(r.charAt(111)).append('\n');
        }
        return csv.toString();
    }

    private static Connection app(DatabaseLogins db, UUID t) throws Exception {
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni");
            s.execute("select set_config('app.tenant_id', '" + t + "', true)");
        }
        return c;
    }

    /** The bank's answer: every twentieth debit short of funds, the rest debited, with a trailer that adds up. */
    private static byte[] result(byte[] request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(request.length);
        int count = 0;
        long total = 0;
        int debited = 0;
        long debitedTotal = 0;
        out.write(request, 0, 122);
        for (int i = 122; i < request.length - 244; i += 122) {
            String r = new String(request, i, 120, JIS);
            long amount = Long.parseLong(r.substring(80, 90));
            char code = count % 20 == 19 ? '1' : '0';
            count++;
            total += amount;
            if (code == '0') {
                debited++;
                debitedTotal += amount;
            }
            out.writeBytes((r.substring(0, 111) + code + r.substring(112) + "\r\n").getBytes(JIS));
        }
        String trailer = "8" + String.format("%06d%012d%06d%012d%06d%012d", count, total, debited, debitedTotal, count - debited,
            total - debitedTotal) + " ".repeat(65);
        out.writeBytes((trailer + "\r\n").getBytes(JIS));
        out.write(request, request.length - 122, 122);
        return out.toByteArray();
    }
}
