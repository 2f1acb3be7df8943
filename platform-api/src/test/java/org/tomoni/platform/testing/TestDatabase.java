package org.tomoni.platform.testing;

import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.bootstrap.DatabaseMigrator;
import org.tomoni.platform.bootstrap.DatabaseSetup;
import org.tomoni.platform.bootstrap.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per test JVM with a migrated template database; each test class gets
 * its own copy (CREATE DATABASE … TEMPLATE), not an initdb. The server is, in order: the one
 * named by TEST_DB_URL (a superuser's JDBC URL, with TEST_DB_USER / TEST_DB_PASSWORD), a
 * Testcontainers PostgreSQL when a Docker engine answers, or the embedded server.
 */
public final class TestDatabase {
    private static final String TEMPLATE = "tomoni_template";
    private static TestDatabase instance;
    private static TestDatabase durable;

    private final String serverUrl;
    private final DatabaseLogins template;
    private final AtomicInteger copies = new AtomicInteger();

    private TestDatabase(String serverUrl, DatabaseLogins template) {
        this.serverUrl = serverUrl;
        this.template = template;
    }

    public static synchronized TestDatabase get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /**
     * A second embedded server for benchmarks, with the platform server's durable write settings (fsync, full page
     * writes, synchronous commit on) instead of the throwaway defaults: what a benchmark measures is what production pays.
     */
    public static synchronized TestDatabase durable() {
        if (durable == null) {
            try {
                Path dir = Files.createTempDirectory("tomoni-bench-pg");
                EmbeddedDatabase embedded = EmbeddedDatabase.startThrowaway(dir, true);
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "bench-postgres-stop"));
                String url = embedded.server().getJdbcUrl("postgres", "postgres");
                url = url.substring(0, url.indexOf('?'));
                try (Connection c = embedded.server().getPostgresDatabase().getConnection()) {
                    durable = prepareOn(c, url.substring(0, url.lastIndexOf('/') + 1));
                }
            } catch (Exception e) {
                throw new IllegalStateException("No durable PostgreSQL for the benchmarks: " + e.getMessage(), e);
            }
        }
        return durable;
    }

    /** The server's write settings as {@code name=value, …}, for a benchmark to print beside its figures. */
    public String writeSettings() {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", template.ownerUser(), template.ownerPassword());
             Statement s = c.createStatement();
             var r = s.executeQuery("select string_agg(name || '=' || setting, ', ' order by name) from pg_settings where name in "
                 + "('fsync', 'full_page_writes', 'synchronous_commit', 'shared_buffers', 'max_wal_size', 'wal_level')")) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh, migrated database of its own, reached through the runtime role. */
    public DatabaseLogins newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + copies.incrementAndGet();
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", template.ownerUser(), template.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE + " OWNER " + template.ownerUser());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot copy the template database: " + e.getMessage(), e);
        }
        return new DatabaseLogins(serverUrl + name, template.ownerUser(), template.ownerPassword(), template.appUser(), template.appPassword());
    }

    private static TestDatabase start() {
        try {
            String external = System.getenv("TEST_DB_URL");
            if (external != null && !external.isBlank()) {
                return prepare(external, System.getenv("TEST_DB_USER"), System.getenv("TEST_DB_PASSWORD"));
            }
            if (dockerAvailable()) {
                var container = new org.testcontainers.containers.PostgreSQLContainer<>("postgres:16-alpine");
                container.start();
                String url = container.getJdbcUrl();
                return prepare(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", container.getUsername(), container.getPassword());
            }
            Path dir = Files.createTempDirectory("tomoni-test-pg");
            EmbeddedDatabase embedded = EmbeddedDatabase.startThrowaway(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close, "test-postgres-stop"));
            String url = embedded.server().getJdbcUrl("postgres", "postgres");
            url = url.substring(0, url.indexOf('?'));
            try (Connection c = embedded.server().getPostgresDatabase().getConnection()) {
                return prepareOn(c, url.substring(0, url.lastIndexOf('/') + 1));
            }
        } catch (Exception e) {
            throw new IllegalStateException("No PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static TestDatabase prepare(String superuserUrl, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(superuserUrl, user, password)) {
            return prepareOn(c, superuserUrl.substring(0, superuserUrl.lastIndexOf('/') + 1));
        }
    }

    private static TestDatabase prepareOn(Connection superuser, String serverUrl) throws SQLException {
        DatabaseLogins logins = new DatabaseLogins(serverUrl + TEMPLATE, "tomoni_owner", "owner-pw", "tomoni_app", "app-pw");
        try (Statement s = superuser.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + TEMPLATE);
        }
        DatabaseSetup.ensureRolesAndDatabase(superuser, logins, TEMPLATE);
        DatabaseMigrator.migrate(logins);
        return new TestDatabase(serverUrl, logins);
    }
}
