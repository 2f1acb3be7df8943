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
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A real PostgreSQL server from Maven Central's binaries, its data in a folder that survives
 * restarts. It gets the same two roles an operator creates on an external server.
 *
 * <p>The platform's server is durable and closed: fsync, full page writes and synchronous commit
 * on, scram-sha-256 for every role and connection, loopback only, folders mode 0700. A folder
 * made by an earlier build (trust logins, fsync off) is upgraded in place on its next start.
 * Throwaway servers for tests keep the library's fast, trusting defaults.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "tomoni";
    public static final String OWNER = "tomoni_owner";
    public static final String APP = "tomoni_app";
    /** The server's superuser, used for setup, backups and key rotation only. */
    public static final String SUPERUSER = "postgres";
    public static final String CREDENTIALS_FILE = "db-credentials.properties";
    public static final String PG_FOLDER = "postgres";

    private final EmbeddedPostgres postgres;
    private final DatabaseLogins logins;
    private final String superuserPassword;
    private final boolean created;

    private EmbeddedDatabase(EmbeddedPostgres postgres, DatabaseLogins logins, String superuserPassword, boolean created) {
        this.postgres = postgres;
        this.logins = logins;
        this.superuserPassword = superuserPassword;
        this.created = created;
    }

    /** The platform's durable server on {@code dataDir/postgres}, creating the database and roles on first start. */
    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            SecretFiles.restrictFolderToOwner(dataDir);
            Path pgData = dataDir.resolve(PG_FOLDER);
            boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
            Properties secrets = credentials(dataDir.resolve(CREDENTIALS_FILE));
            String superPassword = secrets.getProperty(SUPERUSER);
            boolean closed = ServerHardening.isClosed(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
            ServerHardening.DURABLE_SETTINGS.forEach(builder::setServerConfig);
            if (closed) {
                builder.setConnectConfig("password", superPassword);
            }
            EmbeddedPostgres pg = start(builder, closed, dataDir);
            DatabaseLogins logins = logins(pg, secrets);
            boolean created;
            try (Connection c = superuser(pg, superPassword)) {
                created = DatabaseSetup.ensureRolesAndDatabase(c, logins, DATABASE);
                if (!closed) {
                    // First start, or a folder from a build that trusted every local login: close it now.
                    ServerHardening.close(c, pgData, superPassword);
                    LOG.info("Embedded PostgreSQL now asks every role for its password (scram-sha-256)");
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot prepare the embedded database: " + e.getMessage(), e);
            }
            SecretFiles.restrictFolderToOwner(pgData);
            LOG.info("Embedded PostgreSQL on port {} with data in {}{}", pg.getPort(), pgData, fresh ? " (new)" : "");
            return new EmbeddedDatabase(pg, logins, superPassword, created);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** A test server: the library's defaults (fsync off, trust logins), for data nobody keeps. */
    public static EmbeddedDatabase startThrowaway(Path dir) {
        return startThrowaway(dir, false);
    }

    /**
     * A throwaway server for data nobody keeps; {@code durable} gives it the platform server's write settings
     * (fsync, full page writes, synchronous commit), which benchmarks need to measure what production pays.
     */
    public static EmbeddedDatabase startThrowaway(Path dir, boolean durable) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve(PG_FOLDER))
                .setCleanDataDirectory(true)
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
            if (durable) {
                ServerHardening.DURABLE_SETTINGS.forEach(builder::setServerConfig);
            }
            EmbeddedPostgres pg = builder.start();
            Properties secrets = credentials(dir.resolve(CREDENTIALS_FILE));
            return new EmbeddedDatabase(pg, logins(pg, secrets), null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a throwaway PostgreSQL in " + dir, e);
        }
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, boolean closed, Path dataDir) throws IOException {
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            if (closed) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dataDir.resolve(PG_FOLDER)
                    + " did not accept the superuser password in " + dataDir.resolve(CREDENTIALS_FILE)
                    + " (restore that file from the backup of this folder): " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static DatabaseLogins logins(EmbeddedPostgres pg, Properties secrets) {
        String url = stripQuery(pg.getJdbcUrl(SUPERUSER, DATABASE));
        return new DatabaseLogins(url, OWNER, secrets.getProperty(OWNER), APP, secrets.getProperty(APP));
    }

    private static Connection superuser(EmbeddedPostgres pg, String password) throws SQLException {
        return DriverManager.getConnection(stripQuery(pg.getJdbcUrl(SUPERUSER, SUPERUSER)), SUPERUSER, password);
    }

    public DatabaseLogins logins() {
        return logins;
    }

    /** A superuser connection to the {@code postgres} database (setup, backup). */
    public Connection superuserConnection() throws SQLException {
        return superuserPassword == null ? postgres.getPostgresDatabase().getConnection() : superuser(postgres, superuserPassword);
    }

    /** A superuser connection to {@code database} (tests and operators' checks). */
    public Connection superuserConnectionTo(String database) throws SQLException {
        String url = stripQuery(postgres.getJdbcUrl(SUPERUSER, database));
        return superuserPassword == null ? DriverManager.getConnection(url, SUPERUSER, "") : DriverManager.getConnection(url, SUPERUSER, superuserPassword);
    }

    /** True when this start created the platform's database (a first start). */
    public boolean createdDatabase() {
        return created;
    }

    public EmbeddedPostgres server() {
        return postgres;
    }

    public int port() {
        return postgres.getPort();
    }

    private static String stripQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Passwords of the embedded roles, generated once and kept beside the data (mode 600). */
    static Properties credentials(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        boolean changed = false;
        for (String role : new String[] {OWNER, APP, SUPERUSER}) {
            if (p.getProperty(role) == null) {
                p.setProperty(role, RandomSecrets.token(24));
                changed = true;
            }
        }
        if (changed) {
            writeCredentials(file, p);
        }
        return p;
    }

    static void writeCredentials(Path file, Properties p) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            SecretFiles.restrictToOwner(tmp);
            p.store(out, "Passwords of the embedded PostgreSQL roles");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
