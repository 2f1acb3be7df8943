package org.tomoni.platform.bootstrap;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.PlatformApplication;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.ApiResponse;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.testing.PlatformTest.freePort;

/**
 * A script that waits for health and then logs in must find the demo logins: health stays DOWN
 * (503) while the launcher is still provisioning, on the API port and on the management port's
 * readiness probe, and turns UP only once start-up work is done.
 */
class StartupReadinessIT {

    @Test
    void health_is_down_while_the_demo_is_being_provisioned_and_up_once_the_launcher_is_done() throws Exception {
        Path dataDir = Files.createTempDirectory("tomoni-readiness");
        int apiPort = freePort();
        int managementPort = freePort();
        Map<String, String> env = Map.of("PLATFORM_DATA_DIR", dataDir.toString(), "PLATFORM_DEMO_PASSWORD", "demo-password-123");
        Map<String, Object> props = Map.of("micronaut.server.port", apiPort, "endpoints.all.port", managementPort,
            "platform.security.password-iterations", 1000, "test.hold-provisioning", "true");
        Api api = new Api(URI.create("http://localhost:" + apiPort));
        Api management = new Api(URI.create("http://127.0.0.1:" + managementPort));

        HeldDemoProvisioning.reset();
        CompletableFuture<ApplicationContext> launched = CompletableFuture.supplyAsync(
            () -> PlatformLauncher.launch(PlatformApplication.class, new String[0], env, props));
        ApplicationContext context = null;
        try {
            assertThat(HeldDemoProvisioning.entered.await(180, TimeUnit.SECONDS)).as("provisioning started").isTrue();

            ApiResponse during = api.get("/health", null);
            assertThat(during.status()).isEqualTo(503);
            assertThat(during.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(management.get("/health/readiness", null).status()).isEqualTo(503);
            ApiResponse full = management.get("/health", null);
            assertThat(full.status()).isEqualTo(503);
            assertThat(full.json().get("details").get("startup").get("status").asText()).isEqualTo("DOWN");
            assertThat(api.post("/api/v1/auth/login", null, Map.of("tenant", "yume-fund", "username", "admin",
                "password", "demo-password-123")).status()).as("the demo login does not exist yet").isEqualTo(401);

            HeldDemoProvisioning.release.countDown();
            context = launched.get(180, TimeUnit.SECONDS);

            ApiResponse after = api.get("/health", null);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(management.get("/health/readiness", null).status()).isEqualTo(200);
            assertThat(api.login("yume-fund", "admin", "demo-password-123")).isNotBlank();
        } finally {
            HeldDemoProvisioning.release.countDown();
            if (context == null) {
                context = launched.get(180, TimeUnit.SECONDS);
            }
            EmbeddedDatabase db = context.getBean(EmbeddedDatabase.class);
            context.close();
            db.close();
        }
    }
}
