package org.tomoni.platform.giving;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The giving enums' codes are exactly what the CHECKs of their columns allow, as the migrated database holds them. */
class GivingCodesCatalogIT {

    @Test
    void gift_statuses_event_kinds_and_receipt_statuses_match_their_checks() throws SQLException {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
            assertThat(allowed(c, "recurring_gifts", "status"))
                .isEqualTo(new TreeSet<>(Arrays.stream(GiftStatus.values()).map(GiftStatus::code).toList()));
            assertThat(allowed(c, "recurring_gift_events", "kind"))
                .isEqualTo(new TreeSet<>(Arrays.stream(GiftEventKind.values()).map(GiftEventKind::code).toList()));
            assertThat(allowed(c, "receipts", "status"))
                .isEqualTo(new TreeSet<>(Arrays.stream(ReceiptStatus.values()).map(ReceiptStatus::code).toList()));
        }
    }

    /** The quoted codes of the one CHECK on {@code table} that names {@code column}. */
    private static TreeSet<String> allowed(Connection c, String table, String column) throws SQLException {
        List<String> checks = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select pg_get_constraintdef(k.oid) from pg_constraint k join pg_class t on t.oid = k.conrelid"
            + " join pg_namespace n on n.oid = t.relnamespace where n.nspname = 'tomoni' and t.relname = ? and k.contype = 'c'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String def = rs.getString(1);
                    if (def.matches("(?s).*\\(\\(?" + column + "\\b.*= ANY.*")) {
                        checks.add(def);
                    }
                }
            }
        }
        assertThat(checks).as(table + "." + column).hasSize(1);
        TreeSet<String> codes = new TreeSet<>();
        Matcher m = Pattern.compile("'([^']+)'::text").matcher(checks.get(0));
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
