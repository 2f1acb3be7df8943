package org.tomoni.platform.bootstrap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Migrates as the owner, then (Flyway's afterMigrate callback) grants the runtime role what it
 * needs. Refuses a runtime role that could bypass Row Level Security.
 */
public final class DatabaseMigrator {
    public static final String SCHEMA = "tomoni";

    private DatabaseMigrator() {
    }

    public static MigrateResult migrate(DatabaseLogins logins) {
        requireSafeRuntimeRole(logins);
        return Flyway.configure()
            .dataSource(logins.jdbcUrl(), logins.ownerUser(), logins.ownerPassword())
            .locations("classpath:db/migration")
            .schemas(SCHEMA)
            .defaultSchema(SCHEMA)
            .placeholders(Map.of("app_role", quoteIdent(logins.appUser())))
            .validateMigrationNaming(true)
            .load()
            .migrate();
    }

    static void requireSafeRuntimeRole(DatabaseLogins logins) {
        String sql = "select rolsuper, rolbypassrls, pg_has_role(?, current_user, 'MEMBER') from pg_roles where rolname = ?";
        try (Connection c = DriverManager.getConnection(logins.jdbcUrl(), logins.ownerUser(), logins.ownerPassword());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, logins.appUser());
            ps.setString(2, logins.appUser());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("The runtime role " + logins.appUser() + " does not exist; see the README for the SQL that creates it.");
                }
                if (rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3)) {
                    throw new IllegalStateException("The runtime role " + logins.appUser()
                        + " must not be a superuser, have BYPASSRLS or be a member of the owner: Row Level Security would not hold.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database as " + logins.ownerUser() + ": " + e.getMessage(), e);
        }
    }

    static String quoteIdent(String ident) {
        return '"' + ident.replace("\"", "\"\"") + '"';
    }
}
