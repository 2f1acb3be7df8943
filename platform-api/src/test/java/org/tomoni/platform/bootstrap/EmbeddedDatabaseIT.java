package org.tomoni.platform.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The platform's own embedded server is durable and asks every role for its password. */
class EmbeddedDatabaseIT {

    @Test
    void a_new_data_folder_gets_a_durable_server_that_trusts_no_login() throws Exception {
        Path dataDir = Files.createTempDirectory("tomoni-embedded");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertHardened(db, dataDir);
        }
    }

    @Test
    void a_folder_made_by_an_earlier_trusting_build_is_upgraded_in_place_and_keeps_its_data() throws Exception {
        Path dataDir = Files.createTempDirectory("tomoni-embedded-old");
        // What builds before this one left behind: the library's defaults and two role passwords.
        Properties old = new Properties();
        old.setProperty(EmbeddedDatabase.OWNER, "old-owner-pw");
        old.setProperty(EmbeddedDatabase.APP, "old-app-pw");
        try (OutputStream out = Files.newOutputStream(dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE))) {
            old.store(out, null);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres")).setCleanDataDirectory(false).start();
             Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('acknowledged gift')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertHardened(db, dataDir);
            try (Connection c = db.superuserConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select v from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("acknowledged gift");
            }
            try (Connection c = DriverManager.getConnection(db.logins().jdbcUrl(), EmbeddedDatabase.OWNER, "old-owner-pw")) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
        // And the next start, already closed, comes up with the stored superuser password.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            assertHardened(db, dataDir);
        }
    }

    private static void assertHardened(EmbeddedDatabase db, Path dataDir) throws Exception {
        Map<String, String> settings = new HashMap<>();
        List<String> methods = new ArrayList<>();
        try (Connection c = db.superuserConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select name, setting from pg_settings where name in "
                + "('fsync','full_page_writes','synchronous_commit','listen_addresses','password_encryption')")) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("select type, auth_method, address, error from pg_hba_file_rules")) {
                while (rs.next()) {
                    assertThat(rs.getString("error")).isNull();
                    methods.add(rs.getString("type") + " " + rs.getString("address") + " " + rs.getString("auth_method"));
                }
            }
        }
        assertThat(settings).containsEntry("fsync", "on").containsEntry("full_page_writes", "on")
            .containsEntry("synchronous_commit", "on").containsEntry("listen_addresses", "localhost")
            .containsEntry("password_encryption", "scram-sha-256");
        assertThat(methods).isNotEmpty().allMatch(m -> m.endsWith(" scram-sha-256"), "scram only")
            .allMatch(m -> m.startsWith("local") || m.contains("127.0.0.1") || m.contains("::1"), "loopback only");
        String url = db.logins().jdbcUrl();
        assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.SUPERUSER, "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, EmbeddedDatabase.APP, "wrong")).isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(url, db.logins().appUser(), db.logins().appPassword())) {
            assertThat(c.isValid(2)).isTrue();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres")))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE)))).isEqualTo("rw-------");
    }
}
