package org.tomoni.platform.shared;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test client connects from loopback, which is configured as the trusted proxy here: the
 * rightmost X-Forwarded-For entry that is not a proxy is the client, whatever the client
 * wrote to the left of it.
 */
@MicronautTest(transactional = false)
class TrustedProxyIT extends PlatformTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.security.login.max-failures-per-account", "100",
            "platform.security.login.max-failures-per-address", "3",
            "platform.security.trusted-proxies", "127.0.0.0/8, ::1/128, 10.0.0.0/8");
    }

    java.util.UUID tenantId;

    @BeforeAll
    void tenant() {
        tenantId = tenants().create("proxied").id();
    }

    @Test
    void the_rightmost_untrusted_forwarded_address_is_throttled_whatever_the_client_puts_left_of_it() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("user" + i, "198.51.100." + i + ", 203.0.113.7, 10.1.2.3").status()).isEqualTo(401);
        }
        ApiResponse blocked = login("user9", "192.0.2.44, 203.0.113.7");
        assertThat(blocked.status()).as("same client behind the proxies: %s", blocked).isEqualTo(429);
        assertThat(login("user9", "203.0.113.8").status()).as("another client behind the same proxy").isEqualTo(401);
    }

    @Test
    void the_audit_log_records_the_forwarded_client_address() throws Exception {
        login("audited", "203.0.113.77");
        try (var c = ownerConnection(tenantId); var s = c.createStatement();
             var r = s.executeQuery("select count(*) from audit_log where client_addr = '203.0.113.77'")) {
            r.next();
            assertThat(r.getInt(1)).isPositive();
        }
    }

    private ApiResponse login(String user, String forwardedFor) {
        return api().send("POST", "/api/v1/auth/login", null, Map.of("tenant", "proxied", "username", user, "password", "wrong-password"),
            Map.of("X-Forwarded-For", forwardedFor));
    }
}
