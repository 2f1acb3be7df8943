package org.tomoni.platform.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.tomoni.platform.shared.RandomSecrets;
import org.tomoni.platform.shared.SecretFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A real PostgreSQL server from Maven Central's binaries, its data in a folder that survives
 * restarts. It gets the same two roles an operator creates on an external server.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "tomoni";
    public static final String OWNER = "tomoni_owner";
    public static final String APP = "tomoni_app";

    private final EmbeddedPostgres postgres;
    private final DatabaseLogins logins;
    private final boolean created;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseLogins logins, boolean created) {
        this.postgres = postgres;
        this.logins = logins;
        this.created = created;
    }

    /** Starts the server on {@code dataDir/postgres}, creating the database and roles on first start. */
    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path pgData = dataDir.resolve("postgres");
            boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC")
                .start();
            Properties secrets = credentials(dataDir.resolve("db-credentials.properties"));
            String url = pg.getJdbcUrl("postgres", DATABASE).replace("user=postgres", "");
            DatabaseLogins logins = new DatabaseLogins(stripQuery(url), OWNER, secrets.getProperty(OWNER), APP, secrets.getProperty(APP));
            boolean created;
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                created = DatabaseSetup.ensureRolesAndDatabase(c, logins, DATABASE);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the embedded database: " + e.getMessage(), e);
            }
            LOG.info("Embedded PostgreSQL on port {} with data in {}{}", pg.getPort(), pgData, fresh ? " (new)" : "");
            return new EmbeddedDatabase(pg, logins, created);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    public DatabaseLogins logins() {
        return logins;
    }

    /** True when this start created the platform's database (a first start). */
    public boolean createdDatabase() {
        return created;
    }

    public EmbeddedPostgres server() {
        return postgres;
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Passwords of the embedded roles, generated once and kept beside the data (mode 600). */
    private static Properties credentials(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        boolean changed = false;
        for (String role : new String[] {OWNER, APP}) {
            if (p.getProperty(role) == null) {
                p.setProperty(role, RandomSecrets.token(24));
                changed = true;
            }
        }
        if (changed) {
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "Passwords of the embedded PostgreSQL roles");
            }
            SecretFiles.restrictToOwner(file);
        }
        return p;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Stopping the embedded PostgreSQL failed", e);
        }
    }
}
