package org.tomoni.platform.bootstrap;

import com.nimbusds.jose.JOSEException;
import org.tomoni.platform.identity.JwtKeys;
import org.tomoni.platform.shared.EncryptionKeys;
import org.tomoni.platform.shared.LinkSigner;
import org.tomoni.platform.shared.RandomSecrets;
import org.tomoni.platform.shared.SecretBox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * {@code rotate-keys}: replaces every secret an operator may have exposed, with the platform
 * stopped. A new encryption key is added first and every sealed value re-encrypted under it in
 * one transaction before the old key is dropped, so a crash at any point loses nothing (run it
 * again). Then new JWT and link-signing keys (every token and mailed link is void, every
 * session signed out) and, for the embedded server, new role passwords.
 */
final class KeyRotation {
    /** Every column holding a sealed value, with the tenant it belongs to. */
    private static final List<String> SEALED_COLUMNS = List.of("recurring_gifts.account_number_enc", "giving_settings.account_number_enc");

    private final Map<String, String> env;
    private final Path dataDir;
    private final PrintStream out;
    private final Clock clock;

    KeyRotation(Map<String, String> env, Path dataDir, PrintStream out, Clock clock) {
        this.env = env;
        this.dataDir = dataDir;
        this.out = out;
        this.clock = clock;
    }

    void run() throws IOException, SQLException, JOSEException {
        DatabaseChoice db = DatabaseChoice.fromEnvironment(env, dataDir);
        try {
            DatabaseMigrator.migrate(db.logins());
            rotateEncryptionKey(db.logins());
            rotateTokenKeys(db.logins());
            if (db.embedded().isPresent()) {
                rotatePasswords(db.embedded().get());
            } else {
                out.println("External database: change the passwords of " + db.logins().ownerUser() + " and " + db.logins().appUser()
                    + " yourself (ALTER ROLE ... PASSWORD) and update DB_OWNER_PASSWORD and DB_APP_PASSWORD.");
            }
        } finally {
            db.embedded().ifPresent(EmbeddedDatabase::close);
        }
        out.println("Done. Back up the data folder (or your key files) now: the old keys are gone.");
    }

    private void rotateEncryptionKey(DatabaseLogins logins) throws IOException, SQLException {
        Path keyFile = SecretBox.keyFile(env.get("SECRETS_KEY_FILE"), dataDir);
        EncryptionKeys next = EncryptionKeys.read(keyFile).withNewCurrent(LocalDate.now(clock));
        next.write(keyFile);
        SecretBox box = new SecretBox(next);
        int resealed = reseal(logins, box);
        next.currentOnly().write(keyFile);
        out.println("Encryption key " + next.currentId() + " in " + keyFile + "; " + resealed + " stored value(s) re-encrypted, older keys removed.");
    }

    /** All tenants in one transaction: either every value is under the new key or none changed. */
    private static int reseal(DatabaseLogins logins, SecretBox box) throws SQLException {
        try (Connection c = DriverManager.getConnection(logins.jdbcUrl(), logins.ownerUser(), logins.ownerPassword())) {
            c.setAutoCommit(false);
            int count = 0;
            try {
                for (UUID tenant : tenants(c)) {
                    bind(c, tenant);
                    for (String column : SEALED_COLUMNS) {
                        count += reseal(c, box, tenant, column.substring(0, column.indexOf('.')), column.substring(column.indexOf('.') + 1));
                    }
                    count += sealPlainCollectionAccount(c, box, tenant);
                }
                c.commit();
                return count;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static int reseal(Connection c, SecretBox box, UUID tenant, String table, String column) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select ctid::text, " + column + " from tomoni." + table
            + " where tenant_id = ? and " + column + " is not null for update")) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update tomoni." + table + " set " + column + " = ? where tenant_id = ? and ctid = ?::tid")) {
            for (String[] row : rows) {
                String plain = box.decrypt(row[1]).orElseThrow(() -> new IllegalStateException(
                    "A value in " + table + "." + column + " of tenant " + tenant + " opens with none of the keys; nothing was changed"));
                ps.setString(1, box.encrypt(plain));
                ps.setObject(2, tenant);
                ps.setString(3, row[0]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    private static int sealPlainCollectionAccount(Connection c, SecretBox box, UUID tenant) throws SQLException {
        String plain = null;
        try (PreparedStatement ps = c.prepareStatement("select account_number from tomoni.giving_settings where tenant_id = ? and account_number is not null for update")) {
            ps.setObject(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    plain = rs.getString(1);
                }
            }
        }
        if (plain == null) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("update tomoni.giving_settings set account_number_enc = ?, account_number_mask = ?, "
            + "account_number = null where tenant_id = ?")) {
            ps.setString(1, box.encrypt(plain));
            ps.setString(2, "****" + plain.substring(plain.length() - 3));
            ps.setObject(3, tenant);
            ps.executeUpdate();
        }
        return 1;
    }

    private void rotateTokenKeys(DatabaseLogins logins) throws IOException, SQLException, JOSEException {
        String jwtConfigured = env.get("JWT_SIGNING_KEY_FILE");
        if (jwtConfigured == null || jwtConfigured.isBlank()) {
            Path file = JwtKeys.keyFile(null, dataDir);
            out.println("JWT signing key " + JwtKeys.generateInto(file).getKeyID() + " in " + file + "; tokens of the old key are refused.");
        } else {
            out.println("JWT_SIGNING_KEY_FILE is set: replace " + jwtConfigured + " with a new private JWK with a new \"kid\" yourself.");
        }
        String linkConfigured = env.get("LINK_SIGNING_KEY_FILE");
        if (linkConfigured == null || linkConfigured.isBlank()) {
            Path file = LinkSigner.keyFile(null, dataDir);
            LinkSigner.generate(file);
            out.println("Link-signing key in " + file + "; links mailed before now no longer open (every new mail carries a fresh one).");
        } else {
            out.println("LINK_SIGNING_KEY_FILE is set: replace " + linkConfigured + " with 32 new random bytes (base64) yourself.");
        }
        out.println(signOutEveryone(logins) + " session(s) signed out.");
    }

    private static int signOutEveryone(DatabaseLogins logins) throws SQLException {
        try (Connection c = DriverManager.getConnection(logins.jdbcUrl(), logins.ownerUser(), logins.ownerPassword())) {
            c.setAutoCommit(false);
            int n = 0;
            for (UUID tenant : tenants(c)) {
                bind(c, tenant);
                n += revoke(c, "update tomoni.refresh_tokens set revoked_at = now(), updated_at = now(), updated_by = 'key-rotation' "
                    + "where tenant_id = '" + tenant + "' and revoked_at is null");
            }
            n += revoke(c, "update tomoni.platform_refresh_tokens set revoked_at = now(), updated_at = now(), updated_by = 'key-rotation' "
                + "where revoked_at is null");
            c.commit();
            return n;
        }
    }

    private static int revoke(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    /** New passwords for the embedded roles: the file first (the old one kept beside it), then the server. */
    private void rotatePasswords(EmbeddedDatabase db) throws IOException, SQLException {
        Path file = dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE);
        Path previous = dataDir.resolve(EmbeddedDatabase.CREDENTIALS_FILE + ".previous");
        Properties old = EmbeddedDatabase.credentials(file);
        Properties next = new Properties();
        for (String role : List.of(EmbeddedDatabase.OWNER, EmbeddedDatabase.APP, EmbeddedDatabase.SUPERUSER)) {
            next.setProperty(role, RandomSecrets.token(24));
        }
        EmbeddedDatabase.writeCredentials(previous, old);
        EmbeddedDatabase.writeCredentials(file, next);
        try (Connection c = db.superuserConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String role : next.stringPropertyNames()) {
                    s.execute("ALTER ROLE " + DatabaseMigrator.quoteIdent(role) + " WITH PASSWORD '" + next.getProperty(role).replace("'", "''") + "'");
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            EmbeddedDatabase.writeCredentials(file, old);
            throw e;
        }
        Files.delete(previous);
        out.println("New passwords for the embedded database roles in " + file + ".");
    }

    private static List<UUID> tenants(Connection c) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from tomoni.tenants order by id")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static void bind(Connection c, UUID tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            ps.setString(1, tenant.toString());
            ps.execute();
        }
    }
}
