package org.tomoni.platform.giving;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.bootstrap.DatabaseMigrator;
import org.tomoni.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V20261203_2300 converts the history written as display text ("active → paused", "サポーター × 2", …) into kind,
 * before, after and actor, once: a database migrated up to the version before it gets rows of every kind the old
 * code wrote, then the rest of the migrations run.
 */
class GiftHistoryMigrationIT {
    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID PERSON = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID GIFT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

    @Test
    void every_kind_of_text_line_becomes_kind_before_after_and_actor_and_the_text_is_gone() throws SQLException {
        DatabaseLogins logins = emptyDatabase();
        // The last migration before the conversion, whatever others add meanwhile.
        String before = java.util.Arrays.stream(flyway(logins).load().info().all()).map(i -> i.getVersion())
            .filter(v -> v != null && v.isNewerThan("20261123.0000") && !v.isAtLeast("20261203.2300"))
            .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
        flyway(logins).target(before).load().migrate();
        try (Connection c = owner(logins); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + TENANT + "', false)");
            s.execute("insert into tenants (id, slug, name_ja, name_en, kind, created_at, created_by, updated_at, updated_by)"
                + " values ('" + TENANT + "', 'mig-test', '移行', 'Migration', 'grant_fund', now(), 't', now(), 't')");
            s.execute("insert into people (tenant_id, id, family_name, given_name, family_name_kana, given_name_kana, sort_key, search_text,"
                + " created_at, created_by, updated_at, updated_by) values ('" + TENANT + "', '" + PERSON + "', '移行', '太郎', 'イコウ', 'タロウ',"
                + " 'いこう', 'いこう', now(), 't', now(), 't')");
            s.execute("insert into gift_plans (tenant_id, id, name, unit_amount, interval, created_at, created_by, updated_at, updated_by)"
                + " values ('" + TENANT + "', '" + PLAN + "', 'サポーター × 特別', 300, 'monthly', now(), 't', now(), 't')");
            s.execute("insert into recurring_gifts (tenant_id, id, gift_number, person_id, plan_id, units, payment_method, start_month, status,"
                + " created_at, created_by, updated_at, updated_by) values ('" + TENANT + "', '" + GIFT + "', 1, '" + PERSON + "', '" + PLAN + "',"
                + " 3, 'card', '2027-01-01', 'active', now(), 't', now(), 't')");
            int minute = 0;
            for (String[] e : new String[][] {
                {"created", "サポーター × 特別 × 2", "public-signup@mig-test"}, {"units", "2 → 3", "donor@mig-test"},
                {"pause", "active → paused", "donor@mig-test"}, {"resume", "paused → active", "admin@mig-test"},
                {"card_failed", "card_declined", "job:billing@mig-test"}, {"debit_failed", "資金不足（翌月に再請求）", "job:billing@mig-test"},
                {"debit_failed", "取引なし（口座なし）（要対応）", "job:billing@mig-test"}, {"recovered", "振替済", "job:billing@mig-test"},
                {"cancel", "error → cancelled", "admin@mig-test"}}) {
                s.execute("insert into recurring_gift_events (tenant_id, id, gift_id, occurred_at, kind, detail, created_at, created_by, updated_at,"
                    + " updated_by) values ('" + TENANT + "', gen_random_uuid(), '" + GIFT + "', timestamptz '2027-01-01 00:00+00' + interval '"
                    + (minute++) + " minutes', '" + e[0] + "', '" + e[1] + "', now(), '" + e[2] + "', now(), '" + e[2] + "')");
            }
        }

        flyway(logins).load().migrate();

        try (Connection c = owner(logins); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + TENANT + "', false)");
            Map<String, String> lines = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("select kind, coalesce(before::text, '-'), coalesce(after::text, '-'), actor"
                + " from recurring_gift_events order by occurred_at")) {
                int i = 0;
                while (rs.next()) {
                    lines.put((i++) + " " + rs.getString(1), rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4));
                }
            }
            assertThat(lines).containsExactly(
                Map.entry("0 created", "- | {\"plan\": \"サポーター × 特別\", \"units\": 2, \"method\": \"card\", \"status\": \"active\"} | public-signup@mig-test"),
                Map.entry("1 units", "{\"units\": 2} | {\"units\": 3} | donor@mig-test"),
                Map.entry("2 pause", "{\"status\": \"active\"} | {\"status\": \"paused\"} | donor@mig-test"),
                Map.entry("3 resume", "{\"status\": \"paused\"} | {\"status\": \"active\"} | admin@mig-test"),
                Map.entry("4 card_failed", "- | {\"status\": \"error\", \"declineCode\": \"card_declined\"} | job:billing@mig-test"),
                Map.entry("5 debit_failed", "- | {\"retry\": true, \"status\": \"error\", \"resultCode\": 1} | job:billing@mig-test"),
                Map.entry("6 debit_failed", "- | {\"retry\": false, \"status\": \"error\", \"resultCode\": 2} | job:billing@mig-test"),
                Map.entry("7 recovered", "{\"status\": \"error\"} | {\"status\": \"active\"} | job:billing@mig-test"),
                Map.entry("8 cancel", "{\"status\": \"error\"} | {\"status\": \"cancelled\"} | admin@mig-test"));
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.columns where table_name = 'recurring_gift_events'"
                + " and column_name = 'detail'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the display text is gone with its last parse").isZero();
            }
            assertThatThrownBy(() -> s.execute("insert into recurring_gift_events (tenant_id, id, gift_id, occurred_at, kind, actor, created_at,"
                + " created_by, updated_at, updated_by) values ('" + TENANT + "', gen_random_uuid(), '" + GIFT + "', now(), 'renamed', 'x', now(),"
                + " 'x', now(), 'x')")).as("kinds are the enum's codes").isInstanceOf(SQLException.class);
        }
    }

    private static DatabaseLogins emptyDatabase() throws SQLException {
        DatabaseLogins copy = TestDatabase.get().newDatabase();
        String server = copy.jdbcUrl().substring(0, copy.jdbcUrl().lastIndexOf('/') + 1);
        String name = "gift_history_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(server + "postgres", copy.ownerUser(), copy.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + copy.ownerUser() + " ENCODING 'UTF8' TEMPLATE template0");
        }
        return new DatabaseLogins(server + name, copy.ownerUser(), copy.ownerPassword(), copy.appUser(), copy.appPassword());
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DatabaseLogins logins) {
        return Flyway.configure().dataSource(logins.jdbcUrl(), logins.ownerUser(), logins.ownerPassword()).locations("classpath:db/migration")
            .schemas(DatabaseMigrator.SCHEMA).defaultSchema(DatabaseMigrator.SCHEMA)
            .placeholders(Map.of("app_role", "\"" + logins.appUser() + "\""));
    }

    private static Connection owner(DatabaseLogins logins) throws SQLException {
        Connection c = DriverManager.getConnection(logins.jdbcUrl(), logins.ownerUser(), logins.ownerPassword());
        try (Statement s = c.createStatement()) {
            s.execute("set search_path = " + DatabaseMigrator.SCHEMA);
        }
        return c;
    }
}
