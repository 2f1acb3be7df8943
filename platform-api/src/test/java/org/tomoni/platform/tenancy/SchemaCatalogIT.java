package org.tomoni.platform.tenancy;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema as the database holds it: every table with a tenant_id has forced RLS with a
 * policy (USING and WITH CHECK on the bound tenant) and tenant_id leading its keys and
 * indexes; every other table is on the allow-list; the runtime role can bypass nothing.
 */
class SchemaCatalogIT {

    @Test
    void every_table_is_either_tenant_owned_under_forced_rls_or_on_the_global_allow_list() throws SQLException {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        try (Connection c = owner(db)) {
            assertThat(SchemaCatalog.violations(c)).isEmpty();
            assertThat(SchemaCatalog.tenantTables(c)).contains("people", "users", "refresh_tokens", "audit_log");
        }
    }

    @Test
    void the_catalog_check_catches_a_table_without_rls_a_table_off_the_list_and_a_key_without_tenant() throws SQLException {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        try (Connection c = owner(db); Statement s = c.createStatement()) {
            s.execute("create table forgotten (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id))");
            s.execute("create table stray (id uuid primary key)");
            s.execute("create table badkey (tenant_id uuid not null, id uuid not null, code text, primary key (id, tenant_id), unique (code))");
            s.execute("select app.enable_tenant_rls('badkey')");
            List<String> v = SchemaCatalog.violations(c);
            assertThat(v).anyMatch(x -> x.startsWith("forgotten: RLS not enabled"))
                .anyMatch(x -> x.startsWith("forgotten: RLS not forced"))
                .anyMatch(x -> x.startsWith("forgotten: no policy"))
                .anyMatch(x -> x.startsWith("stray: no tenant_id and not on the global allow-list"))
                .anyMatch(x -> x.startsWith("badkey: key or index badkey_pkey"))
                .anyMatch(x -> x.startsWith("badkey: key or index badkey_code_key"));
        }
    }

    @Test
    void the_runtime_role_is_no_superuser_owns_nothing_and_cannot_bypass_rls_truncate_or_read_the_audit_log() throws SQLException {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        try (Connection c = owner(db)) {
            String app = db.appUser();
            assertThat(bool(c, "select rolsuper or rolbypassrls or rolcreaterole or rolcreatedb from pg_roles where rolname = '" + app + "'")).isFalse();
            assertThat(bool(c, "select pg_has_role('" + app + "', '" + db.ownerUser() + "', 'MEMBER')")).isFalse();
            assertThat(count(c, "select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = '" + app + "')")).isZero();
            assertThat(count(c, "select count(*) from pg_namespace where nspowner = (select oid from pg_roles where rolname = '" + app + "')")).isZero();
            assertThat(count(c, "select count(*) from pg_proc where proowner = (select oid from pg_roles where rolname = '" + app + "')")).isZero();
            assertThat(count(c, "select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'tomoni' "
                + "and c.relkind = 'r' and (has_table_privilege('" + app + "', c.oid, 'TRUNCATE') or has_table_privilege('" + app
                + "', c.oid, 'REFERENCES') or has_table_privilege('" + app + "', c.oid, 'TRIGGER'))")).isZero();
            for (String log : List.of("audit_log", "platform_audit_log")) {
                assertThat(bool(c, "select has_table_privilege('" + app + "', 'tomoni." + log + "', 'INSERT')")).isTrue();
                assertThat(bool(c, "select has_table_privilege('" + app + "', 'tomoni." + log + "', 'SELECT') or has_table_privilege('"
                    + app + "', 'tomoni." + log + "', 'UPDATE') or has_table_privilege('" + app + "', 'tomoni." + log + "', 'DELETE')")).isFalse();
            }
            assertThat(bool(c, "select has_table_privilege('" + app + "', 'tomoni.flyway_schema_history', 'SELECT')")).isFalse();
        }
    }

    @Test
    void the_runtime_role_reads_the_audit_logs_only_through_select_only_views_of_the_bound_tenants_entries() throws SQLException {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        try (Connection c = owner(db); Statement s = c.createStatement()) {
            String app = db.appUser();
            for (String view : List.of("audit_log_entries", "platform_audit_log_entries")) {
                assertThat(bool(c, "select has_table_privilege('" + app + "', 'tomoni." + view + "', 'SELECT')")).as(view).isTrue();
                assertThat(bool(c, "select has_table_privilege('" + app + "', 'tomoni." + view + "', 'INSERT') or has_table_privilege('"
                    + app + "', 'tomoni." + view + "', 'UPDATE') or has_table_privilege('" + app + "', 'tomoni." + view + "', 'DELETE')"))
                    .as(view).isFalse();
            }
            s.execute("insert into tenants (id, slug, name_ja, name_en, kind, created_at, created_by, updated_at, updated_by) values "
                + "('00000000-0000-7000-8000-00000000000a', 'tenant-a', 'A', 'A', 'other', now(), 't', now(), 't'), "
                + "('00000000-0000-7000-8000-00000000000b', 'tenant-b', 'B', 'B', 'other', now(), 't', now(), 't')");
        }
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword()); Statement s = app.createStatement()) {
            s.execute("set search_path to tomoni");
            app.setAutoCommit(false);
            for (String tenant : List.of("a", "b")) {
                s.execute("select set_config('app.tenant_id', '00000000-0000-7000-8000-00000000000" + tenant + "', true)");
                s.execute("insert into audit_log (tenant_id, id, occurred_at, actor_name, action, outcome) values ('00000000-0000-7000-8000-00000000000"
                    + tenant + "', gen_random_uuid(), now(), 'x', 'person.create', 'success')");
                app.commit();
            }
            s.execute("select set_config('app.tenant_id', '00000000-0000-7000-8000-00000000000a', true)");
            assertThat(count(app, "select count(*) from audit_log_entries")).isEqualTo(1);
            assertThat(count(app, "select count(*) from audit_log_entries where tenant_id = '00000000-0000-7000-8000-00000000000b'")).isZero();
            app.commit();
            assertThat(count(app, "select count(*) from audit_log_entries")).as("no tenant bound").isZero();
            app.commit();
            s.execute("select set_config('app.tenant_id', '00000000-0000-7000-8000-00000000000a', true)");
            assertThatFails(() -> s.execute("update audit_log_entries set action = 'x'"));
            app.rollback();
            assertThatFails(() -> s.execute("delete from audit_log_entries"));
            app.rollback();
            assertThatFails(() -> s.execute("delete from platform_audit_log_entries"));
            app.rollback();
        }
    }

    @Test
    void without_a_bound_tenant_the_runtime_role_sees_no_rows_and_cannot_write_any() throws SQLException {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        try (Connection owner = owner(db); Statement s = owner.createStatement()) {
            s.execute("insert into tenants (id, slug, name_ja, name_en, kind, created_at, created_by, updated_at, updated_by) values "
                + "('00000000-0000-7000-8000-00000000000a', 'tenant-a', 'A', 'A', 'other', now(), 't', now(), 't'), "
                + "('00000000-0000-7000-8000-00000000000b', 'tenant-b', 'B', 'B', 'other', now(), 't', now(), 't')");
        }
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword()); Statement s = app.createStatement()) {
            s.execute("set search_path to tomoni");
            app.setAutoCommit(false);
            s.execute("select set_config('app.tenant_id', '00000000-0000-7000-8000-00000000000a', true)");
            s.execute(insertPerson("00000000-0000-7000-8000-00000000000a", "00000000-0000-7000-8000-000000000001"));
            assertThat(count(app, "select count(*) from people")).isEqualTo(1);
            app.commit();

            assertThat(count(app, "select count(*) from people")).as("no tenant bound").isZero();
            app.commit();
            s.execute("select set_config('app.tenant_id', '00000000-0000-7000-8000-00000000000b', true)");
            assertThat(count(app, "select count(*) from people")).as("tenant B").isZero();
            assertThat(s.executeUpdate("update people set notes = 'x'")).isZero();
            assertThat(s.executeUpdate("delete from people")).isZero();
            app.rollback();

            s.execute("select set_config('app.tenant_id', '00000000-0000-7000-8000-00000000000b', true)");
            assertThatFails(() -> s.execute(insertPerson("00000000-0000-7000-8000-00000000000a", "00000000-0000-7000-8000-000000000002")));
            app.rollback();
            assertThatFails(() -> s.execute(insertPerson("00000000-0000-7000-8000-00000000000a", "00000000-0000-7000-8000-000000000003")));
            app.rollback();
            assertThatFails(() -> s.execute("truncate people"));
            app.rollback();
            assertThatFails(() -> s.execute("select * from audit_log"));
            app.rollback();
        }
    }

    private static String insertPerson(String tenant, String id) {
        return "insert into people (tenant_id, id, family_name, given_name, family_name_kana, given_name_kana, sort_key, search_text, "
            + "created_at, created_by, updated_at, updated_by) values ('" + tenant + "', '" + id + "', '山田', '太郎', 'ヤマダ', 'タロウ', "
            + "'ヤマダ', 'ヤマダ', now(), 't', now(), 't')";
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void assertThatFails(SqlAction action) {
        try {
            action.run();
        } catch (SQLException expected) {
            return;
        }
        throw new AssertionError("expected the database to refuse");
    }

    static Connection owner(DatabaseLogins db) throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
        }
        return c;
    }

    private static boolean bool(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads the catalog and lists every breach of the tenancy rules. */
    static final class SchemaCatalog {
        static List<String> tenantTables(Connection c) throws SQLException {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
                while (rs.next()) {
                    if (rs.getBoolean("has_tenant")) {
                        names.add(rs.getString("relname"));
                    }
                }
            }
            return names;
        }

        private static final String TABLES = "select c.oid, c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            + "exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as has_tenant "
            + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'tomoni' and c.relkind in ('r', 'p') order by 2";

        static List<String> violations(Connection c) throws SQLException {
            List<String> v = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TABLES)) {
                while (rs.next()) {
                    String t = rs.getString("relname");
                    long oid = rs.getLong("oid");
                    if (!rs.getBoolean("has_tenant")) {
                        if (!GlobalTables.NAMES.contains(t)) {
                            v.add(t + ": no tenant_id and not on the global allow-list");
                        }
                        continue;
                    }
                    if (GlobalTables.NAMES.contains(t)) {
                        v.add(t + ": on the global allow-list but has a tenant_id");
                    }
                    if (!rs.getBoolean("relrowsecurity")) {
                        v.add(t + ": RLS not enabled");
                    }
                    if (!rs.getBoolean("relforcerowsecurity")) {
                        v.add(t + ": RLS not forced");
                    }
                    checkPolicy(c, t, oid, v);
                    checkKeys(c, t, oid, v);
                }
            }
            return v;
        }

        private static void checkPolicy(Connection c, String table, long oid, List<String> v) throws SQLException {
            String sql = "select pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid) from pg_policy "
                + "where polrelid = " + oid + " and polcmd = '*' and polpermissive";
            boolean found = false;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    String using = rs.getString(1);
                    String check = rs.getString(2);
                    found |= bindsTenant(using) && bindsTenant(check);
                }
            }
            if (!found) {
                v.add(table + ": no policy FOR ALL with USING and WITH CHECK on tenant_id = app.current_tenant()");
            }
        }

        private static boolean bindsTenant(String expr) {
            return expr != null && expr.contains("tenant_id") && expr.contains("current_tenant()");
        }

        /** Primary and unique keys, foreign keys (other than to the registry) and every index lead with tenant_id. */
        private static void checkKeys(Connection c, String table, long oid, List<String> v) throws SQLException {
            String sql = "select i.relname, a.attname from pg_index x join pg_class i on i.oid = x.indexrelid "
                + "join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0] where x.indrelid = " + oid
                + " union all select con.conname, a.attname from pg_constraint con join pg_attribute a on a.attrelid = con.conrelid "
                + "and a.attnum = con.conkey[1] where con.conrelid = " + oid + " and con.contype in ('p', 'u', 'f') "
                + "and con.confrelid <> 'tomoni.tenants'::regclass";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    if (!"tenant_id".equals(rs.getString(2))) {
                        v.add(table + ": key or index " + rs.getString(1) + " does not lead with tenant_id");
                    }
                }
            }
        }
    }
}
