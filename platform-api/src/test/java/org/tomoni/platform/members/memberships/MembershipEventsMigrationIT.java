package org.tomoni.platform.members.memberships;

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

/**
 * V20261203_2200 turns the history rows written as display text into structure once: a database
 * migrated up to the version before it gets rows as the old code wrote them, then the rest of the
 * migrations run.
 */
class MembershipEventsMigrationIT {
    private static final String BEFORE_STRUCTURE = "20261203.2100";

    @Test
    void the_old_display_text_becomes_kind_before_after_and_actor() throws SQLException {
        DatabaseLogins template = TestDatabase.get().newDatabase();
        String server = template.jdbcUrl().substring(0, template.jdbcUrl().lastIndexOf('/') + 1);
        String name = "events_migration_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(server + "postgres", template.ownerUser(), template.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " OWNER " + template.ownerUser());
        }
        DatabaseLogins db = new DatabaseLogins(server + name, template.ownerUser(), template.ownerPassword(), template.appUser(),
            template.appPassword());
        Flyway.configure().dataSource(db.jdbcUrl(), db.ownerUser(), db.ownerPassword()).locations("classpath:db/migration")
            .schemas(DatabaseMigrator.SCHEMA).defaultSchema(DatabaseMigrator.SCHEMA)
            .placeholders(Map.of("app_role", "\"" + db.appUser() + "\"")).target(BEFORE_STRUCTURE).load().migrate();

        UUID tenant = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni");
            s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            s.execute("insert into tenants (id, slug, name_ja, name_en, kind, created_at, created_by, updated_at, updated_by) values ('"
                + tenant + "', 'events-migration', '移行', 'Migration', 'membership_organization', now(), 't', now(), 't')");
            UUID type = UUID.randomUUID();
            UUID org = UUID.randomUUID();
            s.execute("insert into membership_types (tenant_id, id, name, fee_yen, period, per_unit, member_kind, created_at, created_by,"
                + " updated_at, updated_by) values ('" + tenant + "', '" + type + "', '団体会員', 10000, 'yearly', true, 'organization', now(), 't',"
                + " now(), 't')");
            s.execute("insert into organizations (tenant_id, id, name, name_kana, kind, sort_key, search_text, created_at, created_by, updated_at,"
                + " updated_by) values ('" + tenant + "', '" + org + "', '連帯', 'レンタイ', 'other', 'レンタイ', 'れんたい', now(), 't', now(), 't')");
            s.execute("insert into memberships (tenant_id, id, organization_id, type_id, units, starts_on, ends_on, status, created_at,"
                + " created_by, updated_at, updated_by) values ('" + tenant + "', '" + membership + "', '" + org + "', '" + type
                + "', 5, '2026-05-01', '2027-03-31', 'ended', now(), 't', now(), 't')");
            String[][] rows = {
                {"1", "started", "団体会員 × 3", "staff-1@a"},
                {"2", "units_changed", "3 → 5", "staff-2@a"},
                {"3", "lapsed", "active → lapsed", "staff-1@a"},
                {"4", "active", "lapsed → active", "staff-1@a"},
                {"5", "start_changed", "2026-04-01 → 2026-05-01", "staff-1@a"},
                {"6", "ended", "2027-03-31", "staff-3@a"}};
            for (String[] r : rows) {
                s.execute("insert into membership_events (tenant_id, id, membership_id, occurred_at, kind, detail, created_at, created_by,"
                    + " updated_at, updated_by) values ('" + tenant + "', gen_random_uuid(), '" + membership + "', timestamptz '2026-05-01 10:00:0"
                    + r[0] + "+09', '" + r[1] + "', '" + r[2] + "', now(), '" + r[3] + "', now(), '" + r[3] + "')");
            }
        }

        DatabaseMigrator.migrate(db);

        Map<String, String> converted = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni");
            s.execute("select set_config('app.tenant_id', '" + tenant + "', false)");
            try (ResultSet rs = s.executeQuery("select kind, coalesce(before::text, '-'), coalesce(after::text, '-'), actor"
                + " from membership_events order by occurred_at")) {
                while (rs.next()) {
                    converted.put(rs.getString(1), rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4));
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.columns where table_schema = 'tomoni'"
                + " and table_name = 'membership_events' and column_name = 'detail'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the display text is gone once parsed").isZero();
            }
        }
        assertThat(converted).containsExactly(
            Map.entry("started", "- | {\"units\": 3, \"typeName\": \"団体会員\"} | staff-1@a"),
            Map.entry("units_changed", "{\"units\": 3} | {\"units\": 5} | staff-2@a"),
            Map.entry("lapsed", "{\"status\": \"active\"} | {\"status\": \"lapsed\"} | staff-1@a"),
            Map.entry("active", "{\"status\": \"lapsed\"} | {\"status\": \"active\"} | staff-1@a"),
            Map.entry("start_changed", "{\"startsOn\": \"2026-04-01\"} | {\"startsOn\": \"2026-05-01\"} | staff-1@a"),
            Map.entry("ended", "- | {\"endsOn\": \"2027-03-31\", \"status\": \"ended\"} | staff-3@a"));
    }
}
