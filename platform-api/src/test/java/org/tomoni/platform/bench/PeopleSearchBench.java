package org.tomoni.platform.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.onboarding.TenantOnboarding;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.TestDatabase;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (run with {@code mvn -Pbench verify -pl platform-api}): people search over
 * 100,000 people of one tenant among 1,000,000 in all, through the API, against the same SQL run
 * directly over JDBC as the runtime role, in the same process.
 */
class PeopleSearchBench {
    private static final int TENANTS = 10;
    private static final int BIG_TENANT_PEOPLE = 100_000;
    private static final int TOTAL_PEOPLE = 1_000_000;
    private static final int ITERATIONS = 200;

    private static final String COUNT_SQL = "select count(*) from people where tenant_id = ? and archived_at is null and search_text like ?";
    private static final String PAGE_SQL = "select id, family_name, given_name, family_name_kana, given_name_kana, birth_date, email, phone, "
        + "postal_code, prefecture, city, address_line1, address_line2, notes, created_at, created_by, updated_at, updated_by, version "
        + "from people where tenant_id = ? and archived_at is null and search_text like ? order by sort_key, id limit 20 offset ?";

    @Test
    void people_search_through_the_api_against_raw_sql() throws Exception {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        Map<String, Object> props = new HashMap<>(db.runtimeDatasource(20));
        props.put("micronaut.server.port", -1);
        props.put("platform.security.password-iterations", 1000);
        props.put("platform.data-dir", java.nio.file.Files.createTempDirectory("bench").toString());
        try (ApplicationContext ctx = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext()) {
            List<UUID> tenants = new ArrayList<>();
            TenantOnboarding onboarding = ctx.getBean(TenantOnboarding.class);
            Actor operator = new Actor(null, "bench", null, null, Set.of(Role.PLATFORM_OPERATOR), null);
            for (int i = 0; i < TENANTS; i++) {
                tenants.add(onboarding.onboard(operator, new TenantOnboarding.Request("bench-" + i, "ベンチ" + i, "Bench " + i, "other", null,
                    new TenantOnboarding.NewAdmin("admin", null, "bench-password-123"))).orThrow().tenant().id());
            }
            long seedStart = System.nanoTime();
            seed(db, tenants);
            System.out.printf("seeded %,d people in %.1f s%n", TOTAL_PEOPLE, (System.nanoTime() - seedStart) / 1e9);
            UUID big = tenants.get(0);
            Actor bigAdmin = new Actor(null, "bench", big, "bench-0", Set.of(Role.TENANT_ADMIN), null);
            ctx.getBean(People.class).create(bigAdmin, PersonRequest.basic("佐藤", "ベンチ", "サトウ", "ベンチ", null, null, null, null, null, null,
                null, null, null)).orThrow();

            Api api = new Api(URI.create(ctx.getBean(EmbeddedServer.class).getURL().toString()));
            String token = api.login("bench-0", "admin", "bench-password-123");
            System.out.println();
            System.out.println("| query | API median ms | API p95 ms | raw SQL median ms | raw SQL p95 ms | ratio (median) |");
            System.out.println("|---|---|---|---|---|---|");
            for (String q : List.of("", "サトウ", "さとう", "佐藤", "090")) {
                int page = q.isEmpty() ? 100 : 0;
                String path = "/api/v1/people?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&page=" + page + "&size=20";
                List<Double> apiTimes = time(() -> assertThat(api.get(path, token).status()).isEqualTo(200));
                List<Double> rawTimes;
                try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
                    c.setAutoCommit(false);
                    try (Statement s = c.createStatement()) {
                        s.execute("set search_path to tomoni");
                    }
                    rawTimes = time(() -> raw(c, big, q, page));
                }
                System.out.printf("| `%s` | %.2f | %.2f | %.2f | %.2f | %.2f |%n", q.isEmpty() ? "(none), page 100" : q,
                    median(apiTimes), p95(apiTimes), median(rawTimes), p95(rawTimes), median(apiTimes) / median(rawTimes));
            }
        }
    }

    /** The statements the API runs for a page, in one transaction with the tenant bound. */
    private static void raw(Connection c, UUID tenant, String q, int page) throws Exception {
        try (PreparedStatement bind = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenant.toString());
            bind.execute();
        }
        String pattern = "%" + JapaneseText.searchForm(q) + "%";
        try (PreparedStatement count = c.prepareStatement(COUNT_SQL)) {
            count.setObject(1, tenant);
            count.setString(2, pattern);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(PAGE_SQL)) {
            ps.setObject(1, tenant);
            ps.setString(2, pattern);
            ps.setInt(3, page * 20);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                }
            }
        }
        c.commit();
    }

    /** Set-based seeding as the owner, tenant by tenant (RLS is forced on the owner as well). */
    private static void seed(DatabaseLogins db, List<UUID> tenants) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()); Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
            int rest = (TOTAL_PEOPLE - BIG_TENANT_PEOPLE) / (TENANTS - 1);
            for (int i = 0; i < tenants.size(); i++) {
                int n = i == 0 ? BIG_TENANT_PEOPLE : rest;
                s.execute("select set_config('app.tenant_id', '" + tenants.get(i) + "', false)");
                s.execute("""
                    with a as (select array['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤'] fk,
                                      array['サトウ','スズキ','タカハシ','タナカ','イトウ','ワタナベ','ヤマモト','ナカムラ','コバヤシ','カトウ'] fkana,
                                      array['太郎','花子','健','美咲','翔','結衣','大輔','陽菜','誠','愛'] gk,
                                      array['タロウ','ハナコ','ケン','ミサキ','ショウ','ユイ','ダイスケ','ヒナ','マコト','アイ'] gkana),
                         r as (select n, fk[1 + n %% 10] f, fkana[1 + n %% 10] fkana, gk[1 + (n / 10) %% 10] g, gkana[1 + (n / 10) %% 10] gkana,
                                      '090' || lpad((n * 7919 %% 100000000)::text, 8, '0') phone
                               from generate_series(1, %d) n, a)
                    insert into people (tenant_id, id, family_name, given_name, family_name_kana, given_name_kana, phone, sort_key, search_text,
                                        created_at, created_by, updated_at, updated_by)
                    select '%s', gen_random_uuid(), f, g, fkana, gkana, phone,
                           fkana || chr(1) || gkana || chr(2) || fkana || chr(1) || gkana, f || g || chr(10) || fkana || gkana || chr(10) || chr(10) || phone,
                           now(), 'bench', now(), 'bench'
                    from r
                    """.formatted(n, tenants.get(i)));
            }
            s.execute("analyze people");
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static List<Double> time(Work w) throws Exception {
        for (int i = 0; i < 20; i++) {
            w.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < ITERATIONS; i++) {
            long t = System.nanoTime();
            w.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        return ms;
    }

    private static double median(List<Double> sorted) {
        return sorted.get(sorted.size() / 2);
    }

    private static double p95(List<Double> sorted) {
        return sorted.get((int) (sorted.size() * 0.95));
    }
}
