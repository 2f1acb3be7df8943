package org.tomoni.platform.bootstrap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What an operator does once on a server (see the README): the owner role, the runtime role
 * and the database. Used for the embedded server and by the tests on any server.
 */
public final class DatabaseSetup {
    private DatabaseSetup() {
    }

    /** Creates (or re-passwords) both roles and creates the database when missing; true if it was created. */
    public static boolean ensureRolesAndDatabase(Connection superuser, DatabaseLogins logins, String database) throws SQLException {
        try (Statement s = superuser.createStatement()) {
            ensureRole(superuser, logins.ownerUser(), logins.ownerPassword(), "LOGIN NOSUPERUSER NOBYPASSRLS CREATEDB");
            ensureRole(superuser, logins.appUser(), logins.appPassword(), "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT");
            if (exists(superuser, "select 1 from pg_database where datname = ?", database)) {
                return false;
            }
            s.execute("CREATE DATABASE " + DatabaseMigrator.quoteIdent(database) + " OWNER " + DatabaseMigrator.quoteIdent(logins.ownerUser())
                + " ENCODING 'UTF8' TEMPLATE template0");
            return true;
        }
    }

    private static void ensureRole(Connection c, String role, String password, String options) throws SQLException {
        String verb = exists(c, "select 1 from pg_roles where rolname = ?", role) ? "ALTER" : "CREATE";
        try (Statement s = c.createStatement()) {
            s.execute(verb + " ROLE " + DatabaseMigrator.quoteIdent(role) + " WITH " + options + " PASSWORD '" + password.replace("'", "''") + "'");
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
