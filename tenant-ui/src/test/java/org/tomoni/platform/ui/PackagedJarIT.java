package org.tomoni.platform.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command on the real artifact, run as the README says: from a folder, with
 * no settings, so the data folder is {@code ./data} beside whatever else lies there. The platform
 * starts on embedded PostgreSQL, provisions the demo, serves both ports, keeps its files to
 * itself, and stops its database when terminated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {
    private static final String LOG_SECRET = "a line only the operator may read";
    private final HttpClient http = HttpClient.newHttpClient();
    private Path workDir;
    private Path dataDir;
    private Path log;
    private int apiPort;
    private int uiPort;
    private int managementPort;
    private Process process;

    @BeforeAll
    void start() throws Exception {
        workDir = Files.createTempDirectory("tomoni-jar");
        dataDir = workDir.resolve("data");
        log = workDir.resolve("stdout.log");
        Files.writeString(workDir.resolve("app.log"), LOG_SECRET);
        apiPort = freePort();
        uiPort = freePort();
        managementPort = freePort();
        process = jar(List.of()).redirectOutput(log.toFile()).start();
        waitForHealth();
    }

    @AfterAll
    void stop() throws Exception {
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped").doesNotExist();
        assertThat(dataDir.resolve("postgres/PG_VERSION")).as("data kept").exists();
    }

    @Test
    void the_packaged_jar_starts_on_embedded_postgres_with_demo_tenants() throws Exception {
        String login = post("http://localhost:" + apiPort + "/api/v1/auth/login",
            "{\"tenant\":\"inclu-fund\",\"username\":\"admin\",\"password\":\"jar-demo-password\"}");
        String token = new ObjectMapper().readTree(login).get("access_token").asText();
        HttpResponse<String> people = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/api/v1/people"))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(people.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(people.body()).get("total").asLong()).isPositive();
        assertThat(get(uiPort, "/").statusCode()).isEqualTo(200);
        assertThat(Files.readString(log)).contains("Tomoni demo").contains("yume-fund").contains("http://localhost:" + uiPort + "/");
    }

    @Test
    void the_ui_port_serves_nothing_of_the_working_directory_however_the_path_is_spelled() throws Exception {
        List<String> secrets = List.of(Files.readString(dataDir.resolve("secrets.key")).lines().reduce((a, b) -> b).orElseThrow().split(" ")[1],
            Files.readString(dataDir.resolve("link-signing.key")).strip(), "\"d\":", "tomoni_owner=", LOG_SECRET);
        List<String> paths = new ArrayList<>(List.of("/data/secrets.key", "/data/jwt-signing-key.jwk.json", "/data/db-credentials.properties",
            "/data/link-signing.key", "/data/postgres/PG_VERSION", "/data/postgres/pg_hba.conf", "/data/postgres/global/pg_control",
            "/app.log", "/stdout.log", "/data/", "/data/postgres/",
            // Nor the classpath beyond Vaadin's own resources.
            "/application.yml", "/logback.xml", "/META-INF/MANIFEST.MF", "/org/tomoni/platform/shared/SecretBox.class",
            "/VAADIN/../application.yml", "/ui-webroot/.webroot/../../application.yml"));
        for (String p : List.of("/data/secrets.key", "/app.log")) {
            paths.addAll(List.of("/." + p, "/VAADIN/.." + p, "/VAADIN/static/../.." + p, "/ui-webroot/.." + p, "/%2e%2e" + p,
                "/VAADIN/%2e%2e" + p, "/VAADIN/..%2f.." + p, "/." + p.replace("/", "%2f"), p.replace("/", "//"), p.toUpperCase(),
                "/frontend/.." + p, "/..;" + p, "/VAADIN/..;" + p));
        }
        Map<String, Integer> answers = new HashMap<>();
        for (String path : paths) {
            String raw = rawGet(uiPort, path);
            int status = Integer.parseInt(raw.substring(9, 12));
            answers.put(path, status);
            assertThat(secrets).as("body of %s", path).noneMatch(raw::contains);
        }
        assertThat(answers).as("every such path is not found (400 where the server refuses an ambiguous path)")
            .allSatisfy((path, status) -> assertThat(status).as(path).isIn(404, 400));
        assertThat(answers.get("/data/secrets.key")).isEqualTo(404);
        assertThat(answers.get("/app.log")).isEqualTo(404);
        assertThat(answers.get("/VAADIN/../data/secrets.key")).isIn(404, 400);
    }

    @Test
    void metrics_and_health_details_are_on_the_loopback_management_port_and_every_answer_carries_its_headers() throws Exception {
        assertThat(get(apiPort, "/prometheus").statusCode()).isEqualTo(404);
        assertThat(get(apiPort, "/health/readiness").statusCode()).isEqualTo(404);
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/prometheus")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
        for (String path : List.of("/", "/login", "/data/secrets.key")) {
            HttpResponse<String> ui = get(uiPort, path);
            assertThat(ui.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
            assertThat(ui.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(ui.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(ui.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(ui.headers().firstValue("Server")).as(path).isEmpty();
        }
        HttpResponse<String> api = get(apiPort, "/api/v1/people");
        assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(api.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void the_embedded_server_is_durable_password_protected_on_loopback_and_its_folder_private() throws Exception {
        Properties credentials = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve("db-credentials.properties"))) {
            credentials.load(in);
        }
        int port = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).strip());
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        Map<String, String> settings = new HashMap<>();
        List<String> rules = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", credentials.getProperty("postgres")); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select name, setting from pg_settings")) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery("select type, address, auth_method from pg_hba_file_rules")) {
                while (rs.next()) {
                    rules.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        assertThat(settings).containsEntry("fsync", "on").containsEntry("full_page_writes", "on").containsEntry("synchronous_commit", "on")
            .containsEntry("listen_addresses", "localhost").containsEntry("password_encryption", "scram-sha-256");
        assertThat(rules).isNotEmpty().allMatch(r -> r.endsWith("scram-sha-256"))
            .allMatch(r -> r.startsWith("local") || r.contains("127.0.0.1") || r.contains("::1"));
        assertThat(canLogIn(url, "postgres", "")).as("no password").isFalse();
        assertThat(canLogIn(url, "tomoni_app", "guess")).as("a wrong password").isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("postgres")))).isEqualTo("rwx------");
        for (String key : List.of("secrets.key", "link-signing.key", "jwt-signing-key.jwk.json", "db-credentials.properties")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(key)))).as(key).isEqualTo("rw-------");
        }
    }

    @Test
    void the_backup_command_copies_the_running_platform_and_its_keys() throws Exception {
        Path target = workDir.resolve("backup-1");
        Path out = workDir.resolve("backup.log");
        Process backup = jar(List.of("backup", target.toString())).redirectOutput(out.toFile()).start();
        assertThat(backup.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(backup.exitValue()).as(Files.readString(out)).isZero();
        assertThat(target.resolve("postgres/backup_label")).exists();
        assertThat(target.resolve("secrets.key")).exists();
        assertThat(target.resolve("tomoni-backup.properties")).exists();
        Process again = jar(List.of("backup", target.toString())).redirectOutput(out.toFile()).start();
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as("never over an earlier backup").isEqualTo(1);
        assertThat(Files.readString(out)).contains("not empty");
    }

    private ProcessBuilder jar(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            Path.of("target", "tenant-ui.jar").toAbsolutePath().toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("PLATFORM_") || k.startsWith("MANAGEMENT_"));
        pb.environment().put("MANAGEMENT_PORT", Integer.toString(managementPort));
        pb.environment().put("API_PORT", Integer.toString(apiPort));
        pb.environment().put("UI_PORT", Integer.toString(uiPort));
        pb.environment().put("PLATFORM_DEMO_PASSWORD", "jar-demo-password");
        return pb;
    }

    private static boolean canLogIn(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(2);
        } catch (java.sql.SQLException refused) {
            return false;
        }
    }

    /** The path exactly as written, with no client-side normalisation. */
    private static String rawGet(int port, String path) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void waitForHealth() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("process alive; log:%n%s", Files.readString(log)).isTrue();
            try {
                // Health turns UP only once the demo is provisioned, so a login right after it succeeds.
                HttpResponse<String> health = get(apiPort, "/health");
                if (health.statusCode() == 200) {
                    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no health within 180 s:\n" + Files.readString(log));
    }

    private String post(String url, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
