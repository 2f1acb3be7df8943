package org.tomoni.platform.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.PlatformApplication;
import org.tomoni.platform.shared.EncryptionKeys;
import org.tomoni.platform.shared.SecretBox;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.ApiResponse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's commands on a real embedded platform: a backup taken while it runs restores into
 * a fresh folder with every record and every account number readable; a key rotation replaces
 * every secret and re-encrypts what was sealed under the old key.
 */
class OperatorCommandsIT {
    private static final String PASSWORD = "ops-demo-password";
    private static final Map<String, Object> PROPS = Map.of("micronaut.server.port", -1, "platform.security.password-iterations", 1000,
        "platform.scheduler.enabled", false, "endpoints.all.port", org.tomoni.platform.testing.PlatformTest.freePort());

    @Test
    void a_backup_taken_while_the_platform_runs_restores_every_record_and_every_account_number() throws Exception {
        Path dataDir = Files.createTempDirectory("tomoni-ops-live");
        Path backup = Files.createTempDirectory("tomoni-ops-backup").resolve("b1");
        Map<String, Long> countsAtBackup;
        ApplicationContext live = launch(dataDir);
        try {
            Api api = api(live);
            signUp(api, "backup-donor@example.jp", "1234567");
            countsAtBackup = rowCounts(live);
            assertThat(command(env(dataDir), "backup", backup.toString())).isZero();
            String token = api.login("yume-fund", "admin", PASSWORD);
            assertThat(api.post("/api/v1/people", token, Map.of("familyName", "後で", "givenName", "追加", "familyNameKana", "アトデ",
                "givenNameKana", "ツイカ")).status()).isEqualTo(201);
        } finally {
            stop(live);
        }
        assertThat(backup.resolve("secrets.key")).exists();
        assertThat(backup.resolve("postgres/backup_label")).exists();

        Path restored = Files.createTempDirectory("tomoni-ops-restored").resolve("data");
        assertThat(command(env(restored), "restore", backup.toString())).isZero();
        assertThat(command(env(restored), "restore", backup.toString())).as("never over existing data").isEqualTo(1);
        ApplicationContext again = launch(restored);
        try {
            assertThat(rowCounts(again)).isEqualTo(countsAtBackup);
            List<String> sealed = sealedValues(again);
            assertThat(sealed).isNotEmpty();
            SecretBox box = again.getBean(SecretBox.class);
            assertThat(sealed).allSatisfy(v -> assertThat(box.decrypt(v)).isPresent());
            assertThat(sealed.stream().map(v -> box.decrypt(v).orElseThrow())).contains("1234567");
            assertThat(api(again).login("inclu-fund", "admin", PASSWORD)).isNotBlank();
        } finally {
            stop(again);
        }
    }

    @Test
    void rotating_the_keys_replaces_every_secret_and_keeps_every_account_number_readable() throws Exception {
        Path dataDir = Files.createTempDirectory("tomoni-ops-rotate");
        String oldToken;
        String oldLink;
        ApplicationContext before = launch(dataDir);
        try {
            Api api = api(before);
            signUp(api, "rotate-donor@example.jp", "7654321");
            oldToken = api.login("inclu-fund", "admin", PASSWORD);
            oldLink = before.getBean(org.tomoni.platform.giving.DonorLinks.class).token(UUID.randomUUID(), UUID.randomUUID());
        } finally {
            stop(before);
        }
        EncryptionKeys oldKeys = EncryptionKeys.read(dataDir.resolve("secrets.key"));
        String oldJwt = Files.readString(dataDir.resolve("jwt-signing-key.jwk.json"));
        String oldLinkKey = Files.readString(dataDir.resolve("link-signing.key"));
        String oldCredentials = Files.readString(dataDir.resolve("db-credentials.properties"));
        String oldOwnerPassword = EmbeddedDatabase.credentials(dataDir.resolve("db-credentials.properties")).getProperty(EmbeddedDatabase.OWNER);

        assertThat(command(env(dataDir), "rotate-keys")).isZero();

        EncryptionKeys newKeys = EncryptionKeys.read(dataDir.resolve("secrets.key"));
        assertThat(newKeys.keys()).hasSize(1);
        assertThat(newKeys.currentId()).isNotEqualTo(oldKeys.currentId());
        assertThat(Files.readString(dataDir.resolve("jwt-signing-key.jwk.json"))).isNotEqualTo(oldJwt);
        assertThat(Files.readString(dataDir.resolve("link-signing.key"))).isNotEqualTo(oldLinkKey);
        assertThat(Files.readString(dataDir.resolve("db-credentials.properties"))).isNotEqualTo(oldCredentials);

        ApplicationContext after = launch(dataDir);
        try {
            List<String> sealed = sealedValues(after);
            assertThat(sealed).isNotEmpty().allMatch(v -> v.startsWith("v2:" + newKeys.currentId() + ":"));
            SecretBox box = after.getBean(SecretBox.class);
            assertThat(sealed.stream().map(v -> box.decrypt(v).orElseThrow())).contains("7654321", "1234567");
            SecretBox oldBox = new SecretBox(oldKeys);
            assertThat(sealed).allSatisfy(v -> assertThat(oldBox.decrypt(v)).as("the old key opens nothing").isEmpty());
            Api api = api(after);
            assertThat(api.get("/api/v1/people", oldToken).status()).as("a token of the old JWT key").isEqualTo(401);
            assertThat(after.getBean(org.tomoni.platform.giving.DonorLinks.class).verify(oldLink)).as("a link of the old key").isEmpty();
            assertThat(api.get("/api/v1/people", api.login("inclu-fund", "admin", PASSWORD)).status()).isEqualTo(200);
            EmbeddedDatabase db = after.getBean(EmbeddedDatabase.class);
            assertThat(canLogIn(db.logins().jdbcUrl(), EmbeddedDatabase.OWNER, oldOwnerPassword)).as("old owner password").isFalse();
        } finally {
            stop(after);
        }
    }

    private static boolean canLogIn(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(2);
        } catch (SQLException refused) {
            return false;
        }
    }

    private static void signUp(Api api, String email, String account) {
        JsonNode plans = api.get("/api/v1/public/inclu-fund/gift-plans", null).json().get("items");
        String planId = null;
        for (JsonNode p : plans) {
            if (p.get("interval").asText().equals("monthly")) {
                planId = p.get("id").asText();
            }
        }
        Map<String, Object> body = org.tomoni.platform.testing.SignupBodies.directDebit(planId, 2, email, account);
        ApiResponse r = api.send("POST", "/api/v1/public/inclu-fund/recurring-gifts", null, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** Rows of every platform table, read as the superuser (past RLS). */
    private static Map<String, Long> rowCounts(ApplicationContext context) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = context.getBean(EmbeddedDatabase.class).superuserConnectionTo(EmbeddedDatabase.DATABASE); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'tomoni' and tablename <> 'scheduled_tasks'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from tomoni." + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static List<String> sealedValues(ApplicationContext context) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = context.getBean(EmbeddedDatabase.class).superuserConnectionTo(EmbeddedDatabase.DATABASE); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select account_number_enc from tomoni.recurring_gifts where account_number_enc is not null "
                 + "union all select account_number_enc from tomoni.giving_settings where account_number_enc is not null")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static int command(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = OperatorCommands.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.println(String.join(" ", args) + " -> " + code + "\n" + out.toString(StandardCharsets.UTF_8));
        return code;
    }

    private static Map<String, String> env(Path dataDir) {
        return Map.of("PLATFORM_DATA_DIR", dataDir.toString(), "PLATFORM_DEMO_PASSWORD", PASSWORD);
    }

    private static ApplicationContext launch(Path dataDir) {
        return PlatformLauncher.launch(PlatformApplication.class, new String[0], env(dataDir), PROPS);
    }

    private static Api api(ApplicationContext context) {
        return new Api(URI.create(context.getBean(EmbeddedServer.class).getURL().toString()));
    }

    private static void stop(ApplicationContext context) {
        EmbeddedDatabase db = context.getBean(EmbeddedDatabase.class);
        context.close();
        db.close();
    }
}
