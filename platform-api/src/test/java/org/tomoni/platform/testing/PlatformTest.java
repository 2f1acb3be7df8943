package org.tomoni.platform.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;
import org.tomoni.platform.bootstrap.DatabaseLogins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of tests that run the platform on a database of their own (a copy of the migrated
 * template), reached through the runtime role exactly as in production. Subclasses carry
 * {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PlatformTest implements TestPropertyProvider {
    protected DatabaseLogins db;
    @Inject
    protected ApplicationContext context;
    @Inject
    protected EmbeddedServer server;
    private Api api;
    private int managementPort;

    @Override
    public Map<String, String> getProperties() {
        db = TestDatabase.get().newDatabase();
        Map<String, String> p = new HashMap<>();
        db.runtimeDatasource(poolSize()).forEach((k, v) -> p.put(k, String.valueOf(v)));
        p.put("micronaut.server.port", "-1");
        // Management routes are bound to their port number, so it cannot be -1: a free one, chosen now.
        managementPort = freePort();
        p.put("endpoints.all.port", Integer.toString(managementPort));
        p.put("platform.security.password-iterations", "1000");
        // Tests that need the scheduler turn it on; elsewhere its polling thread would only add noise.
        p.put("platform.scheduler.enabled", "false");
        // The outbox's sender stays on (it is not the scheduler) and polls often, so tests see mail within a fraction of a second.
        p.put("platform.mail.sender.poll-interval", "100ms");
        p.put("platform.mail.sender.backoff", "100ms");
        try {
            p.put("platform.data-dir", Files.createTempDirectory("tomoni-test-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.putAll(extraProperties());
        return p;
    }

    protected int poolSize() {
        return 10;
    }

    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected Api api() {
        if (api == null) {
            api = new Api(URI.create(server.getURL().toString()));
        }
        return api;
    }

    /** The management port (full health, metrics), on loopback. */
    protected Api management() {
        return new Api(URI.create("http://127.0.0.1:" + managementPort));
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected TestTenants tenants() {
        return new TestTenants(context, api());
    }

    /** The owner's connection, for what the runtime role may not read (audit log, catalog). */
    protected Connection ownerConnection() throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
        try (var s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
        }
        return c;
    }

    /** The owner's connection bound to a tenant for the session (RLS is forced on the owner too). */
    protected Connection ownerConnection(java.util.UUID tenantId) throws SQLException {
        Connection c = ownerConnection();
        try (var s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + tenantId + "', false)");
        }
        return c;
    }

    /** The runtime role's own connection, outside the pool. */
    protected Connection appConnection() throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
        try (var s = c.createStatement()) {
            s.execute("set search_path to tomoni, app");
        }
        return c;
    }
}
