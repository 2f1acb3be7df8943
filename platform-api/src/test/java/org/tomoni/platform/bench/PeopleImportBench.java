package org.tomoni.platform.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.onboarding.TenantOnboarding;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.TestDatabase;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark: a 10,000-row people CSV (windows-31j) imported through the API — decode, parse,
 * validate every row, match against existing people, insert in one transaction — against the
 * bare batched INSERT of the same rows over JDBC as the runtime role, in the same process.
 */
class PeopleImportBench {
    private static final int ROWS = 10_000;

    @Test
    void ten_thousand_row_import_against_raw_inserts() throws Exception {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        Map<String, Object> props = new HashMap<>(db.runtimeDatasource(10));
        props.put("micronaut.server.port", -1);
        props.put("platform.security.password-iterations", 1000);
        props.put("platform.data-dir", java.nio.file.Files.createTempDirectory("bench").toString());
        try (ApplicationContext ctx = ApplicationContext.run(EmbeddedServer.class, props).getApplicationContext()) {
            Actor operator = new Actor(null, "bench", null, null, Set.of(Role.PLATFORM_OPERATOR), null);
            UUID[] tenants = new UUID[4];
            for (int i = 0; i < tenants.length; i++) {
                tenants[i] = ctx.getBean(TenantOnboarding.class).onboard(operator, new TenantOnboarding.Request("import-" + i, "取込" + i,
                    "Import " + i, "other", null, new TenantOnboarding.NewAdmin("admin", null, "bench-password-123"))).orThrow().tenant().id();
            }
            Api api = new Api(URI.create(ctx.getBean(EmbeddedServer.class).getURL().toString()));
            HttpClient http = HttpClient.newHttpClient();
            System.out.println();
            System.out.println("| run | API import s | raw INSERT s | ratio |");
            System.out.println("|---|---|---|---|");
            for (int run = 0; run < 3; run++) {
                String token = api.login("import-" + run, "admin", "bench-password-123");
                byte[] csv = csv(run).getBytes(ExcelCsv.WINDOWS_31J);
                long t = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ctx.getBean(EmbeddedServer.class).getURL() + "/api/v1/people/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
                double apiSeconds = (System.nanoTime() - t) / 1e9;
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                double rawSeconds = raw(db, tenants[3], run);
                System.out.printf("| %d | %.2f | %.2f | %.1f |%n", run + 1, apiSeconds, rawSeconds, apiSeconds / rawSeconds);
            }
        }
    }

    private static String csv(int run) {
        StringBuilder sb = new StringBuilder("姓,名,セイ,メイ,生年月日,メールアドレス,電話番号,郵便番号,都道府県,市区町村,町名・番地,備考\r\n");
        for (int i = 0; i < ROWS; i++) {
            sb.append("髙橋,").append(i).append(",たかはし,まこと,1980-01-01,r").append(run).append('-').append(i).append("@example.jp,090")
                .append(String.format("%08d", i)).append(",100-0001,東京都,千代田区,千代田１－１,～ － ①\r\n");
        }
        return sb.toString();
    }

    /** The same rows, already normalised, as batched INSERTs in one transaction. */
    private static double raw(DatabaseLogins db, UUID tenant, int run) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl() + "?reWriteBatchedInserts=true", db.appUser(), db.appPassword())) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set search_path to tomoni");
            }
            long t = System.nanoTime();
            try (PreparedStatement bind = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenant.toString());
                bind.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into people (tenant_id, id, family_name, given_name, family_name_kana, "
                + "given_name_kana, birth_date, email, phone, postal_code, prefecture, city, address_line1, notes, sort_key, search_text, "
                + "created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), 'raw', now(), 'raw')")) {
                for (int i = 0; i < ROWS; i++) {
                    ps.setObject(1, tenant);
                    ps.setObject(2, UUID.randomUUID());
                    ps.setString(3, "髙橋");
                    ps.setString(4, Integer.toString(i));
                    ps.setString(5, "タカハシ");
                    ps.setString(6, "マコト");
                    ps.setObject(7, java.time.LocalDate.of(1980, 1, 1));
                    ps.setString(8, "raw" + run + "-" + i + "@example.jp");
                    ps.setString(9, "090" + String.format("%08d", i));
                    ps.setString(10, "1000001");
                    ps.setString(11, "東京都");
                    ps.setString(12, "千代田区");
                    ps.setString(13, "千代田1-1");
                    ps.setString(14, "～ － ①");
                    ps.setString(15, JapaneseText.sortKey("タカハシ", "マコト"));
                    ps.setString(16, "髙橋" + i);
                    ps.addBatch();
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
            }
            c.commit();
            return (System.nanoTime() - t) / 1e9;
        }
    }
}
