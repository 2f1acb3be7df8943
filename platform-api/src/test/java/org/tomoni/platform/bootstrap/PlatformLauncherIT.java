package org.tomoni.platform.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.PlatformApplication;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.PlatformTest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, in-process: with no database configured the platform starts an
 * embedded PostgreSQL in the data folder, migrates it and provisions the demo tenants; a second
 * start on the same folder reuses everything and provisions nothing.
 */
class PlatformLauncherIT {

    @Test
    void first_start_provisions_the_demo_and_a_second_start_reuses_it() throws Exception {
        Path dataDir = Files.createTempDirectory("tomoni-launch");
        Map<String, String> env = Map.of("PLATFORM_DATA_DIR", dataDir.toString(), "PLATFORM_DEMO_PASSWORD", "demo-password-123");
        Map<String, Object> props = Map.of("micronaut.server.port", -1, "endpoints.all.port", PlatformTest.freePort(),
            "platform.security.password-iterations", 1000);

        long peopleAfterFirst;
        ApplicationContext first = PlatformLauncher.launch(PlatformApplication.class, new String[0], env, props);
        try {
            assertThat(first.getBean(TenantRegistry.class).all()).extracting(t -> t.slug())
                .containsExactlyInAnyOrder("yume-fund", "life-support", "hiroba-network", "inclu-fund");
            Api api = new Api(URI.create(first.getBean(EmbeddedServer.class).getURL().toString()));
            String token = api.login("yume-fund", "admin", "demo-password-123");
            peopleAfterFirst = api.get("/api/v1/people", token).json().get("total").asLong();
            assertThat(peopleAfterFirst).isGreaterThanOrEqualTo(10);
            assertThat(api.get("/api/v1/organizations?kind=union_federation", token).json().get("total").asLong()).isEqualTo(6);
            assertThat(api.get("/api/v1/relationships", token).json().get("total").asLong()).isEqualTo(2);
            String inclu = api.login("inclu-fund", "admin", "demo-password-123");
            // The seven hand-written supporters and the generated members (DemoDataIT counts them exactly).
            assertThat(api.get("/api/v1/memberships?status=active", inclu).json().get("total").asLong()).isGreaterThan(7);
            assertThat(api.get("/api/v1/public/inclu-fund/gift-plans", null).json().get("items")).extracting(p -> p.get("name").asText()
                + "/" + p.get("unitAmount").asLong() + "/" + p.get("interval").asText()).containsExactlyInAnyOrder("サポーター/300/monthly",
                "スポット/500/once");
            assertThat(Files.exists(dataDir.resolve("secrets.key"))).as("the secrets key is generated into the data folder").isTrue();
            String hiroba = api.login("hiroba-network", "admin", "demo-password-123");
            assertThat(api.get("/api/v1/branches", hiroba).json().get("total").asLong()).isEqualTo(2);
            assertThat(api.get("/api/v1/organizations?kind=company", hiroba).json().get("total").asLong()).isEqualTo(3);
            assertThat(api.login(null, "network", "demo-password-123")).isNotBlank();
            assertThat(api.login(null, "operator", "demo-password-123")).isNotBlank();
            assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
            assertThat(Files.exists(dataDir.resolve("jwt-signing-key.jwk.json"))).isTrue();
        } finally {
            stop(first);
        }

        ApplicationContext second = PlatformLauncher.launch(PlatformApplication.class, new String[0], env, props);
        try {
            DemoProvisioning demo = second.getBean(DemoProvisioning.class);
            assertThat(demo.provisionIfWanted(true, "demo-password-123")).as("nothing left to provision").isEmpty();
            Api api = new Api(URI.create(second.getBean(EmbeddedServer.class).getURL().toString()));
            String token = api.login("yume-fund", "admin", "demo-password-123");
            assertThat(api.get("/api/v1/people", token).json().get("total").asLong()).isEqualTo(peopleAfterFirst);
        } finally {
            stop(second);
        }
    }

    private static void stop(ApplicationContext context) {
        EmbeddedDatabase db = context.getBean(EmbeddedDatabase.class);
        context.close();
        db.close();
    }
}
