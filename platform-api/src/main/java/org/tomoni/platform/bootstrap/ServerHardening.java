package org.tomoni.platform.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What makes the embedded server fit for data people rely on. The library starts postgres with
 * {@code -F} and {@code synchronous_commit=off} for throwaway test servers; settings given with
 * {@code -c} come later on its command line and win.
 */
final class ServerHardening {
    static final String MARKER = "# tomoni: every connection authenticates with scram-sha-256";
    static final Map<String, String> DURABLE_SETTINGS;

    static {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("fsync", "on");
        s.put("full_page_writes", "on");
        s.put("synchronous_commit", "on");
        s.put("listen_addresses", "localhost");
        s.put("password_encryption", "scram-sha-256");
        DURABLE_SETTINGS = Map.copyOf(s);
    }

    private static final String HBA = MARKER + "\n"
        + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
        + "local   all       all                 scram-sha-256\n"
        + "host    all       all   127.0.0.1/32  scram-sha-256\n"
        + "host    all       all   ::1/128       scram-sha-256\n";

    private ServerHardening() {
    }

    /** True when the folder's pg_hba.conf is the closed one this class writes. */
    static boolean isClosed(Path pgData) throws IOException {
        Path hba = pgData.resolve("pg_hba.conf");
        return Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA);
    }

    /** Gives the superuser its password, then replaces the trusting pg_hba.conf and reloads it. */
    static void close(Connection superuser, Path pgData, String superuserPassword) throws SQLException, IOException {
        try (Statement s = superuser.createStatement()) {
            s.execute("ALTER ROLE " + EmbeddedDatabase.SUPERUSER + " WITH PASSWORD '" + superuserPassword.replace("'", "''") + "'");
        }
        Path hba = pgData.resolve("pg_hba.conf");
        Path tmp = pgData.resolve("pg_hba.conf.new");
        Files.writeString(tmp, HBA, StandardCharsets.UTF_8);
        Files.move(tmp, hba, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try (Statement s = superuser.createStatement()) {
            s.execute("select pg_reload_conf()");
        }
    }
}
